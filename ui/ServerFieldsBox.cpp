#include "ui/ServerFieldsBox.h"

#include "core/sync/AccountCheck.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald::ui {

namespace {

// The standard port of a protocol and security (RFC 8314 ports for implicit TLS).
quint16 standardPort(accounts::Protocol protocol, accounts::Transport transport)
{
    const bool tls = transport == accounts::Transport::ImplicitTls;
    switch (protocol) {
    case accounts::Protocol::Imap:
        return tls ? 993 : 143;
    case accounts::Protocol::Pop3:
        return tls ? 995 : 110;
    case accounts::Protocol::Smtp:
        return tls ? 465 : 587;
    }
    return 0;
}

} // namespace

ServerFieldsBox::ServerFieldsBox(Kind kind, const QString &title, const QString &objectPrefix,
                                 QWidget *parent)
    : QGroupBox(title, parent), m_kind(kind)
{
    setObjectName(objectPrefix + QStringLiteral("Box"));
    auto *form = new QFormLayout;
    auto name = [&](QWidget *w, const QString &suffix) { w->setObjectName(objectPrefix + suffix); };
    if (kind == Kind::Incoming) {
        m_protocol = new QComboBox(this);
        m_protocol->addItem(tr("IMAP"), int(accounts::Protocol::Imap));
        m_protocol->addItem(tr("POP3"), int(accounts::Protocol::Pop3));
        name(m_protocol, QStringLiteral("Protocol"));
        // A combo box is otherwise read out by its current item ("IMAP") only, and its
        // pop-up list has no name at all (seen over AT-SPI).
        m_protocol->setAccessibleName(tr("Protocol (%1)").arg(title));
        m_protocol->view()->setAccessibleName(tr("Protocols"));
        form->addRow(tr("&Protocol:"), m_protocol);
        connect(m_protocol, &QComboBox::currentIndexChanged, this,
                &ServerFieldsBox::onProtocolChanged);
    }
    m_host = new QLineEdit(this);
    name(m_host, QStringLiteral("Host"));
    form->addRow(kind == Kind::Incoming ? tr("Ser&ver:") : tr("S&erver:"), m_host);
    m_port = new QSpinBox(this);
    m_port->setRange(1, 65535);
    m_port->setValue(
        standardPort(kind == Kind::Incoming ? accounts::Protocol::Imap : accounts::Protocol::Smtp,
                     accounts::Transport::ImplicitTls));
    name(m_port, QStringLiteral("Port"));
    form->addRow(kind == Kind::Incoming ? tr("P&ort:") : tr("Po&rt:"), m_port);
    m_security = new QComboBox(this);
    // No plaintext entry: Herald never sends a password in clear.
    m_security->addItem(tr("TLS"), int(accounts::Transport::ImplicitTls));
    m_security->addItem(tr("STARTTLS"), int(accounts::Transport::StartTls));
    name(m_security, QStringLiteral("Security"));
    m_security->setAccessibleName(tr("Security (%1)").arg(title));
    m_security->view()->setAccessibleName(tr("Kinds of security"));
    form->addRow(kind == Kind::Incoming ? tr("Securit&y:") : tr("Secur&ity:"), m_security);
    connect(m_security, &QComboBox::currentIndexChanged, this, &ServerFieldsBox::onSecurityChanged);
    m_user = new QLineEdit(this);
    name(m_user, QStringLiteral("User"));
    form->addRow(kind == Kind::Incoming ? tr("&User name:") : tr("User &name:"), m_user);

    m_result = new QLabel(this);
    name(m_result, QStringLiteral("Result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setVisible(false);

    m_certificateBox = new QWidget(this);
    auto *certLayout = new QVBoxLayout(m_certificateBox);
    certLayout->setContentsMargins(0, 0, 0, 0);
    m_certificateText = new QLabel(m_certificateBox);
    name(m_certificateText, QStringLiteral("Certificate"));
    m_certificateText->setWordWrap(true);
    m_certificateText->setTextFormat(Qt::RichText);
    m_certificateText->setTextInteractionFlags(Qt::TextSelectableByMouse |
                                               Qt::TextSelectableByKeyboard);
    // No mnemonic: each server has one, and the same letter twice would be ambiguous.
    m_trust = new QPushButton(tr("Trust this certificate for this account"), m_certificateBox);
    name(m_trust, QStringLiteral("Trust"));
    m_trust->setAccessibleName(tr("Trust this certificate for this account (%1)").arg(title));
    m_trust->setAutoDefault(false);
    certLayout->addWidget(m_certificateText);
    certLayout->addWidget(m_trust, 0, Qt::AlignLeft);
    m_certificateBox->setVisible(false);
    connect(m_trust, &QPushButton::clicked, this, [this] { emit trustRequested(m_certificate); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(m_certificateBox);

    for (QLineEdit *edit : {m_host, m_user})
        connect(edit, &QLineEdit::textEdited, this, &ServerFieldsBox::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &ServerFieldsBox::edited);
}

void ServerFieldsBox::setServer(const accounts::ServerUrl &url)
{
    if (m_protocol)
        m_protocol->setCurrentIndex(m_protocol->findData(int(url.protocol)));
    m_security->setCurrentIndex(m_security->findData(int(url.transport)));
    m_host->setText(url.host);
    m_port->setValue(url.port ? url.port : standardPort(url.protocol, url.transport));
    m_user->setText(url.user);
    clearResult();
}

accounts::ServerUrl ServerFieldsBox::server() const
{
    accounts::ServerUrl url;
    url.protocol = m_protocol ? accounts::Protocol(m_protocol->currentData().toInt())
                              : accounts::Protocol::Smtp;
    url.transport = accounts::Transport(m_security->currentData().toInt());
    url.host = m_host->text().trimmed();
    url.port = quint16(m_port->value());
    url.user = m_user->text().trimmed();
    return url;
}

QString ServerFieldsBox::missingField() const
{
    if (m_host->text().trimmed().isEmpty())
        return tr("%1: the server name is missing.").arg(title());
    if (m_user->text().trimmed().isEmpty())
        return tr("%1: the user name is missing.").arg(title());
    return {};
}

void ServerFieldsBox::focusFirstField()
{
    (m_protocol ? static_cast<QWidget *>(m_protocol) : m_host)->setFocus();
}

void ServerFieldsBox::clearResult()
{
    m_result->clear();
    m_result->setVisible(false);
    m_certificateBox->setVisible(false);
    m_certificate = QSslCertificate();
}

void ServerFieldsBox::showChecking()
{
    clearResult();
    m_result->setText(tr("Logging in to %1…").arg(m_host->text().trimmed()));
    m_result->setVisible(true);
}

void ServerFieldsBox::showResult(const sync::ServerCheck &check)
{
    clearResult();
    m_result->setVisible(true);
    if (check.ok()) {
        m_result->setText(tr("✔ Logged in to %1.").arg(m_host->text().trimmed()));
        return;
    }
    m_result->setText(QStringLiteral("✘ ") + check.message);
    m_result->setAccessibleName(tr("%1: %2").arg(title(), check.message));
    m_result->setToolTip(check.error.message); // the technical reason, for the curious
    if (check.outcome != sync::ServerCheck::Outcome::UntrustedCertificate ||
        check.certificate.isNull())
        return;
    m_certificate = check.certificate;
    const auto s = sync::summarizeCertificate(check.certificate);
    const QLocale locale;
    m_certificateText->setText(
        tr("<table>"
           "<tr><td>Subject:</td><td>%1</td></tr>"
           "<tr><td>Issuer:</td><td>%2</td></tr>"
           "<tr><td>Valid from:</td><td>%3</td></tr>"
           "<tr><td>Valid until:</td><td>%4</td></tr>"
           "<tr><td>SHA-256:</td><td><tt>%5</tt></td></tr></table>"
           "<p>Trust it only if your provider confirms this fingerprint.</p>")
            .arg(s.subject.toHtmlEscaped(), s.issuer.toHtmlEscaped(),
                 locale.toString(s.validFrom, QLocale::ShortFormat),
                 locale.toString(s.validUntil, QLocale::ShortFormat),
                 // 32 bytes in two lines of 16, so the whole fingerprint is always visible.
                 s.sha256.left(47) + QStringLiteral("<br>") + s.sha256.mid(48)));
    m_certificateBox->setVisible(true);
}

void ServerFieldsBox::onProtocolChanged()
{
    setServer([this] {
        auto url = server();
        url.port = standardPort(url.protocol, url.transport);
        return url;
    }());
    emit edited();
}

void ServerFieldsBox::onSecurityChanged()
{
    // Follow the standard port when the user had the other mode's standard port.
    auto url = server();
    const auto other = url.transport == accounts::Transport::ImplicitTls
                           ? accounts::Transport::StartTls
                           : accounts::Transport::ImplicitTls;
    if (url.port == standardPort(url.protocol, other))
        m_port->setValue(standardPort(url.protocol, url.transport));
    emit edited();
}

} // namespace herald::ui
