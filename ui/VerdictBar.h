#pragma once
// The sender verdict above a message: one line that says at a glance whether the From domain
// is verified (green), not verified (red: "may not be from …"), or has no policy to judge by
// (grey), then the SPF, DKIM, DMARC and ARC results it rests on. Built from the verdict the
// sync stored (core/sync/VerdictPass); never computes anything itself.

#include "core/store/Records.h"

#include <QFrame>

class QLabel;

namespace herald::ui {

class VerdictBar : public QFrame
{
    Q_OBJECT
public:
    enum class Level { None, Pending, Verified, Failed, Neutral };
    struct Description
    {
        Level level = Level::None;
        QString headline; // "Verified sender: example.com"
        QString details;  // "SPF pass · DKIM pass (example.com) · DMARC pass · ARC none"
    };
    // What the bar says for a stored verdict.
    static Description describe(const store::MessageRow &row);

    explicit VerdictBar(QWidget *parent = nullptr);
    void showVerdict(const store::MessageRow &row);

    Level level() const { return m_level; }
    QString headline() const;
    QString details() const;

private:
    Level m_level = Level::None;
    QLabel *m_icon = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_details = nullptr;
};

} // namespace herald::ui
