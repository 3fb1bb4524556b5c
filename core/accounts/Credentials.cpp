#include "core/accounts/Credentials.h"

#include "core/accounts/SessionPasswords.h"

#include <QEventLoop>
#include <QFile>
#include <qt6keychain/keychain.h>

namespace herald::accounts {

namespace {
const QString kService = QStringLiteral("herald-mail");

// Runs a QtKeychain job to completion on a local event loop.
template <typename Job> bool runJob(Job &job, QString *error)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError) {
        *error = QStringLiteral("system keychain: %1").arg(job.errorString());
        return false;
    }
    return true;
}

QString trimNewline(QString s)
{
    while (s.endsWith(QLatin1Char('\n')) || s.endsWith(QLatin1Char('\r')))
        s.chop(1);
    return s;
}
} // namespace

CredentialResult readPassword(const QString &source, const QString &accountName)
{
    CredentialResult r;
    if (source.startsWith(QLatin1String("file:"))) {
        QFile file(source.mid(5));
        if (!file.open(QIODevice::ReadOnly)) {
            r.error = QStringLiteral("cannot read the password file %1: %2")
                          .arg(file.fileName(), file.errorString());
            return r;
        }
        r.password = trimNewline(QString::fromUtf8(file.readAll()));
        r.ok = true;
        return r;
    }
    if (source.startsWith(QLatin1String("env:"))) {
        const QString var = source.mid(4);
        if (!qEnvironmentVariableIsSet(var.toLocal8Bit().constData())) {
            r.error = QStringLiteral("the password variable %1 is not set").arg(var);
            return r;
        }
        r.password = qEnvironmentVariable(var.toLocal8Bit().constData());
        r.ok = true;
        return r;
    }
    if (source == QLatin1String("keychain")) {
        QKeychain::ReadPasswordJob job(kService);
        job.setKey(accountName);
        if (!runJob(job, &r.error))
            return r;
        r.password = job.textData();
        r.ok = true;
        return r;
    }
    if (source == sessionPasswordSource()) {
        const auto password = sessionPassword(accountName);
        if (!password) {
            r.error = QStringLiteral("Herald asks for the password of account '%1' when it "
                                     "starts, and it was not given in this session")
                          .arg(accountName);
            return r;
        }
        r.password = *password;
        r.ok = true;
        return r;
    }
    r.error = QStringLiteral("account '%1' has no password source; set one with "
                             "--password-file or --password-env")
                  .arg(accountName);
    return r;
}

CredentialResult storeInKeychain(const QString &accountName, const QString &password)
{
    CredentialResult r;
    QKeychain::WritePasswordJob job(kService);
    job.setKey(accountName);
    job.setTextData(password);
    r.ok = runJob(job, &r.error);
    return r;
}

void removeFromKeychain(const QString &accountName)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(accountName);
    QString ignored;
    runJob(job, &ignored);
}

} // namespace herald::accounts
