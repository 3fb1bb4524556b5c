#include "ui/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <cstring>

namespace herald::ui::language {

namespace {

const QString kKey = QStringLiteral("view/language");
const QStringList kTranslated = {QStringLiteral("de"), QStringLiteral("fr")};

QString settingsPath(const QString &profileDir)
{
    return QDir(profileDir).filePath(QStringLiteral("herald-ui.ini"));
}

// lupdate's own C++ parser (Qt 6.4) does not read `namespace herald::ui {`, so the .ts
// contexts are the bare class names ("MainWindow") while tr() asks for the metaobject's
// "herald::ui::MainWindow": look the bare name up when the full one has nothing. A tr()
// wrapper in a free function of core gets its namespace as context ("herald::imap" for
// "herald::imap::FolderManager"): that is looked up last.
class HeraldTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText,
                      const char *disambiguation = nullptr, int n = -1) const override
    {
        QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        const char *bare = context ? std::strrchr(context, ':') : nullptr;
        if (!found.isEmpty() || !bare || bare == context || bare[-1] != ':')
            return found;
        found = QTranslator::translate(bare + 1, sourceText, disambiguation, n);
        if (found.isEmpty()) {
            const QByteArray space(context, int(bare - 1 - context));
            found = QTranslator::translate(space.constData(), sourceText, disambiguation, n);
        }
        return found;
    }
};

// One of each, owned by the application; replaced when another language is installed.
QPointer<QTranslator> g_herald, g_qt;

void replace(QPointer<QTranslator> &slot, QTranslator *next)
{
    if (slot) {
        QCoreApplication::removeTranslator(slot);
        delete slot;
    }
    slot = next;
    if (next)
        QCoreApplication::installTranslator(next);
}

} // namespace

QList<Choice> choices()
{
    return {{QString(), QCoreApplication::translate("herald::ui::language", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

QString saved(const QString &profileDir)
{
    const QString code =
        QSettings(settingsPath(profileDir), QSettings::IniFormat).value(kKey).toString();
    return code == QLatin1String("en") || kTranslated.contains(code) ? code : QString();
}

void save(const QString &profileDir, const QString &code)
{
    QSettings settings(settingsPath(profileDir), QSettings::IniFormat);
    if (code.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, code);
}

QLocale localeFor(const QString &code)
{
    const QLocale system = QLocale::system();
    if (code.isEmpty() || QLocale(code).language() == system.language())
        return system; // keeps the system's country: de_CH dates stay Swiss
    return QLocale(code);
}

bool install(const QString &code)
{
    const QLocale locale = localeFor(code);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (!qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    replace(g_qt, qt);
    auto *herald = new HeraldTranslator(QCoreApplication::instance());
    if (!herald->load(locale, QStringLiteral("herald"), QStringLiteral("_"),
                      QStringLiteral(":/i18n"))) {
        delete herald;
        herald = nullptr;
    }
    replace(g_herald, herald);
    return herald != nullptr || locale.language() == QLocale::English;
}

} // namespace herald::ui::language
