// Translations are attached to this target by qt_add_translations.
