#pragma once
// ScriptedImap: an IMAP dialogue as data, played by FakeServer (after KIMAP's fakeserver
// scenarios and Trojitá's LibMailboxSync). A scenario is the server's extensions (QRESYNC,
// CONDSTORE only, neither) and a list of exchanges: the command the client must send (without
// its tag; a trailing " *" matches any rest) and the untagged lines the server answers before
// "<tag> OK". Greeting, LOGIN and ENABLE come first and are not exchanges.
//
// play() writes the dialogue into a FakeScript; with a Drop it stops at exchange `step`:
// Drop::BeforeAnswer reads the command and closes the connection, Drop::MidAnswer sends the
// first half of the untagged lines (at least one) and closes.

#include "tests/wire/FakeServer.h"

#include <QByteArray>
#include <QList>

namespace herald::test {

enum class ImapExtensions { Qresync, CondstoreOnly, Neither };

class ImapScenario
{
public:
    enum class Drop { None, BeforeAnswer, MidAnswer };

    explicit ImapScenario(ImapExtensions extensions = ImapExtensions::Qresync)
        : m_extensions(extensions)
    {
    }
    // One exchange; `untagged` lines each without CRLF.
    ImapScenario &on(const QByteArray &command, const QList<QByteArray> &untagged = {},
                     const QByteArray &taggedOk = "OK done");

    struct Exchange
    {
        QByteArray command;
        QList<QByteArray> untagged;
        QByteArray taggedOk;
    };
    ImapScenario &on(const Exchange &exchange);
    Exchange exchange(int step) const { return m_exchanges.value(step); }

    int steps() const { return int(m_exchanges.size()); }
    QByteArray command(int step) const { return m_exchanges.value(step).command; }
    int untaggedCount(int step) const { return int(m_exchanges.value(step).untagged.size()); }
    ImapExtensions extensions() const { return m_extensions; }
    QByteArray capabilities() const;

    void play(FakeScript &script, Drop drop = Drop::None, int dropStep = -1) const;

private:
    ImapExtensions m_extensions;
    QList<Exchange> m_exchanges;
};

// "* 3 FETCH (UID 12 FLAGS (\Seen) MODSEQ (105))" with the MODSEQ part only when modseq > 0.
QByteArray fetchFlagsLine(int seq, quint32 uid, const QByteArray &flags, quint64 modseq = 0);
// A FETCH answer with the header block of a small message "Subject: message <uid>".
QByteArray fetchHeaderLine(int seq, quint32 uid, const QByteArray &flags, quint64 modseq = 0);
// The header block fetchHeaderLine sends for `uid`.
QByteArray scriptedHeader(quint32 uid);

} // namespace herald::test
