#include "ui/VerdictBar.h"

#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

QString resultOf(const QJsonObject &o)
{
    const QString r = o.value(QLatin1String("result")).toString();
    return r.isEmpty() ? QStringLiteral("none") : r;
}

QString domainOfAddress(const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : address.mid(at + 1).toLower();
}

QString detailsOf(const QJsonObject &auth)
{
    QStringList parts;
    parts << VerdictBar::tr("SPF %1").arg(resultOf(auth.value(QLatin1String("spf")).toObject()));
    const QJsonArray dkim = auth.value(QLatin1String("dkim")).toArray();
    if (dkim.isEmpty())
        parts << VerdictBar::tr("DKIM none");
    for (const QJsonValue &v : dkim) {
        const QJsonObject d = v.toObject();
        QString part = VerdictBar::tr("DKIM %1 (%2)")
                           .arg(resultOf(d), d.value(QLatin1String("domain")).toString());
        if (d.value(QLatin1String("body_length_limited")).toBool())
            part += VerdictBar::tr(", only part of the body signed");
        parts << part;
    }
    parts
        << VerdictBar::tr("DMARC %1").arg(resultOf(auth.value(QLatin1String("dmarc")).toObject()));
    parts << VerdictBar::tr("ARC %1").arg(resultOf(auth.value(QLatin1String("arc")).toObject()));
    if (auth.value(QLatin1String("source")).toString() == QLatin1String("authentication-results"))
        parts << VerdictBar::tr("as reported by your mail server");
    return parts.join(QStringLiteral(" · "));
}

} // namespace

VerdictBar::Description VerdictBar::describe(const store::MessageRow &row)
{
    Description d;
    const QJsonObject auth = QJsonDocument::fromJson(row.authJson.toUtf8()).object();
    if (auth.isEmpty()) {
        if (row.authState != store::AuthState::Verified) {
            d.level = Level::Pending;
            d.headline = tr("Sender not checked yet: the check runs when the message is synced");
        }
        return d; // Verified without a verdict: the user's own mail, nothing to say
    }
    const QJsonObject dmarc = auth.value(QLatin1String("dmarc")).toObject();
    QString domain = dmarc.value(QLatin1String("domain")).toString();
    if (domain.isEmpty())
        domain = domainOfAddress(row.fromAddr);
    d.details = detailsOf(auth);
    switch (row.authSummary) {
    case store::AuthSummary::Pass:
        d.level = Level::Verified;
        d.headline = tr("Verified sender: %1").arg(domain);
        break;
    case store::AuthSummary::Fail: {
        d.level = Level::Failed;
        d.headline = tr("Unverified sender: this message may not be from %1").arg(domain);
        const QString policy = dmarc.value(QLatin1String("policy")).toString();
        if (policy == QLatin1String("reject"))
            d.headline += tr(" (%1 asks to reject such mail)").arg(domain);
        else if (policy == QLatin1String("quarantine"))
            d.headline += tr(" (%1 asks to quarantine such mail)").arg(domain);
        break;
    }
    case store::AuthSummary::Neutral:
    case store::AuthSummary::Unknown:
        d.level = Level::Neutral;
        d.headline = resultOf(dmarc) == QLatin1String("none")
                         ? tr("Sender not verifiable: %1 publishes no DMARC policy").arg(domain)
                         : tr("Sender could not be checked (%1)").arg(resultOf(dmarc));
        break;
    }
    if (row.authState == store::AuthState::Incomplete)
        d.details += tr(" · DNS did not answer every question; checked again on the next sync");
    return d;
}

VerdictBar::VerdictBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("verdictBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    m_icon = new QLabel(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    auto *text = new QVBoxLayout;
    text->setSpacing(1);
    m_headline = new QLabel(this);
    m_headline->setTextFormat(Qt::PlainText); // domains come from the message: never markup
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_details = new QLabel(this);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->addWidget(m_headline);
    text->addWidget(m_details);
    layout->addLayout(text, 1);
    hide();
}

void VerdictBar::showVerdict(const store::MessageRow &row)
{
    const Description d = describe(row);
    m_level = d.level;
    if (d.level == Level::None) {
        hide();
        return;
    }
    struct Look
    {
        const char *background, *border, *text;
        QStyle::StandardPixmap icon;
    };
    const Look look = [&]() -> Look {
        switch (d.level) {
        case Level::Verified:
            return {"#e6f4ea", "#a8d5b5", "#0d4d1f", QStyle::SP_DialogApplyButton};
        case Level::Failed:
            return {"#fde7e7", "#e8a5a5", "#7a0b0b", QStyle::SP_MessageBoxWarning};
        default:
            return {"#f1f1f1", "#d0d0d0", "#333333", QStyle::SP_MessageBoxInformation};
        }
    }();
    setStyleSheet(QStringLiteral("#verdictBar { background: %1; border-bottom: 1px solid %2; }"
                                 "#verdictBar QLabel { color: %3; }")
                      .arg(QLatin1String(look.background), QLatin1String(look.border),
                           QLatin1String(look.text)));
    m_icon->setPixmap(style()->standardIcon(look.icon).pixmap(16, 16));
    m_headline->setText(d.headline);
    m_details->setText(d.details);
    m_details->setVisible(!d.details.isEmpty());
    show();
}

QString VerdictBar::headline() const
{
    return m_headline->text();
}

QString VerdictBar::details() const
{
    return m_details->text();
}

} // namespace herald::ui
