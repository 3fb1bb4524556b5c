#pragma once
// One server of the account set-up: protocol (incoming only: IMAP or POP3), host, port,
// security (TLS or STARTTLS; never plaintext) and user name, all editable; below them what
// the check found in words and, for an untrusted certificate, its subject, issuer, dates and
// SHA-256 fingerprint with "Trust this certificate for this account".

#include "core/accounts/ServerUrl.h"

#include <QGroupBox>
#include <QSslCertificate>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace herald::sync {
struct ServerCheck;
}

namespace herald::ui {

class ServerFieldsBox : public QGroupBox
{
    Q_OBJECT
public:
    enum class Kind { Incoming, Outgoing };
    // `objectPrefix` names the controls for tests and screen readers: "incoming" gives
    // incomingHost, incomingPort, … .
    ServerFieldsBox(Kind kind, const QString &title, const QString &objectPrefix,
                    QWidget *parent = nullptr);

    void setServer(const accounts::ServerUrl &url);
    // What the fields say now; the protocol of an outgoing box is always SMTP.
    accounts::ServerUrl server() const;
    // Empty, or a sentence saying which field is missing.
    QString missingField() const;

    void focusFirstField();
    void clearResult();
    void showChecking();
    void showResult(const sync::ServerCheck &check);
    QLabel *resultLabel() const { return m_result; }
    QPushButton *trustButton() const { return m_trust; }

signals:
    // The user chose to trust this certificate (for this account).
    void trustRequested(const QSslCertificate &certificate);
    void edited();

private:
    void onProtocolChanged();
    void onSecurityChanged();

    Kind m_kind;
    QComboBox *m_protocol = nullptr; // incoming only
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLabel *m_result = nullptr;
    QWidget *m_certificateBox = nullptr;
    QLabel *m_certificateText = nullptr;
    QPushButton *m_trust = nullptr;
    QSslCertificate m_certificate;
};

} // namespace herald::ui
