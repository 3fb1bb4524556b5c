#pragma once
// Settings > Language: the system's language, English, Deutsch or Français. Saved in the
// profile at once; Herald shows it from the next start (the window is not rebuilt).

#include <QWidget>

class QComboBox;
class QLabel;

namespace herald::ui {

class LanguageSettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit LanguageSettingsPage(const QString &profileDir, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }

private:
    void onChosen(int index);

    QString m_profileDir;
    QString m_running; // the choice this run started with
    QComboBox *m_language = nullptr;
    QLabel *m_restartHint = nullptr;
};

} // namespace herald::ui
