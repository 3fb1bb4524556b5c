#pragma once
// A temporary profile filled with the hand-written messages of tests/data/messages,
// through the same ingestion path the sync engines use.

#include <QTemporaryDir>

namespace herald::test {

class ProfileFixture
{
public:
    // Account "test" (test@herald.test) with folders INBOX (3 messages, one read and
    // flagged) and "Archive/2024" (1 message, the plain one again).
    ProfileFixture();
    QString path() const { return m_dir.path(); }
    qint64 inboxId = 0;
    qint64 archiveId = 0;

private:
    QTemporaryDir m_dir;
};

} // namespace herald::test
