#pragma once
// The window's language: Herald's translations (:/i18n/herald_<lang>.qm, built from
// translations/*.ts) and Qt's own (qtbase_<lang>.qm from qt6-translations-l10n, for the
// standard dialogs), for the system locale or the language chosen in Settings > Language
// (kept in <profile>/herald-ui.ini, applied at the next start). herald-cli never calls this.

#include <QList>
#include <QLocale>
#include <QString>

namespace herald::ui::language {

struct Choice
{
    QString code; // "" = the system's language
    QString name; // in its own language ("Deutsch"), or "System default" translated
};

// The languages Settings offers: the system's, then each one Herald is translated to.
QList<Choice> choices();

// The choice saved for the profile ("" when none or unknown), and saving one.
QString saved(const QString &profileDir);
void save(const QString &profileDir, const QString &code);

// The locale for a choice: the system locale, unless another language was chosen.
QLocale localeFor(const QString &code);

// Installs Herald's and Qt's translators for the choice on the application (replacing
// those installed before) and makes its locale the default for dates and sizes.
// Returns whether Herald has a translation for it (English needs none).
bool install(const QString &code);

} // namespace herald::ui::language
