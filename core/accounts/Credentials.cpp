#include "core/accounts/Credentials.h"

#include "core/accounts/SessionPasswords.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QThread>
#include <QTimer>
#include <functional>
#include <qt6keychain/keychain.h>

namespace herald::accounts {

namespace {
const QString kService = QStringLiteral("herald-mail");

// How long a keychain may take. A Secret Service that never answers (D-Bus autolaunched under
// X11 with a keyring nobody can unlock: seen under Xvfb) must not hang the caller for good.
constexpr int kKeychainTimeoutMs = 30000;

// Runs a QtKeychain job to completion on a local event loop; false (and *error) when it
// failed or did not answer in time. Then the job is left to delete itself when it ends.
template <typename Job> bool runJob(Job *job, QString *error)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    loop.exec();
    if (!finished) {
        job->setAutoDelete(true);
        *error = QStringLiteral("system keychain: no answer within %1 seconds")
                     .arg(kKeychainTimeoutMs / 1000);
        return false;
    }
    const bool ok = job->error() == QKeychain::NoError;
    if (!ok)
        *error = QStringLiteral("system keychain: %1").arg(job->errorString());
    return ok;
}

// QtKeychain's libsecret back end binds to the thread of its first job: a job from another
// thread afterwards never finished (tst_keychain_setup::readsFromWorkerThreads; the window
// stores on one thread, the sync workers read on others). So every job runs on this one
// thread, whichever thread asks; the caller waits.
class KeychainThread
{
public:
    static KeychainThread &instance()
    {
        static KeychainThread *k = new KeychainThread; // stopped by the post routine below
        return *k;
    }

    void run(const std::function<void()> &work)
    {
        if (QThread::currentThread() == &m_thread || !m_thread.isRunning()) {
            work(); // on it already, or after the application ended
            return;
        }
        QMetaObject::invokeMethod(m_context, work, Qt::BlockingQueuedConnection);
    }

private:
    KeychainThread()
    {
        m_thread.setObjectName(QStringLiteral("keychain"));
        m_context = new QObject;
        m_context->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
        m_thread.start();
        qAddPostRoutine([] {
            instance().m_thread.quit();
            instance().m_thread.wait();
        });
    }

    QThread m_thread;
    QObject *m_context = nullptr;
};

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
        bool ok = false;
        KeychainThread::instance().run([&] {
            auto *job = new QKeychain::ReadPasswordJob(kService);
            job->setKey(accountName);
            ok = runJob(job, &r.error);
            if (ok)
                r.password = job->textData();
            if (!job->autoDelete())
                delete job;
        });
        if (!ok)
            return r;
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
    KeychainThread::instance().run([&] {
        auto *job = new QKeychain::WritePasswordJob(kService);
        job->setKey(accountName);
        job->setTextData(password);
        r.ok = runJob(job, &r.error);
        if (!job->autoDelete())
            delete job;
    });
    return r;
}

void removeFromKeychain(const QString &accountName)
{
    KeychainThread::instance().run([&] {
        auto *job = new QKeychain::DeletePasswordJob(kService);
        job->setKey(accountName);
        QString ignored;
        runJob(job, &ignored);
        if (!job->autoDelete())
            delete job;
    });
}

} // namespace herald::accounts
