#include "tests/wire/ScriptedImap.h"

namespace herald::test {

ImapScenario &ImapScenario::on(const QByteArray &command, const QList<QByteArray> &untagged,
                               const QByteArray &taggedOk)
{
    m_exchanges << Exchange{command, untagged, taggedOk};
    return *this;
}

ImapScenario &ImapScenario::on(const Exchange &exchange)
{
    m_exchanges << exchange;
    return *this;
}

QByteArray ImapScenario::capabilities() const
{
    QByteArray caps = "IMAP4rev1 LITERAL+ UIDPLUS ENABLE";
    if (m_extensions == ImapExtensions::Qresync)
        caps += " CONDSTORE QRESYNC";
    else if (m_extensions == ImapExtensions::CondstoreOnly)
        caps += " CONDSTORE";
    return caps;
}

void ImapScenario::play(FakeScript &script, Drop drop, int dropStep) const
{
    const QByteArray caps = capabilities();
    script.send("* OK [CAPABILITY " + caps + "] Scripted ready.\r\n")
        .expect("* LOGIN alice secret")
        .send("$tag OK [CAPABILITY " + caps + "] Logged in\r\n");
    // ImapSession enables QRESYNC when offered, else CONDSTORE.
    if (m_extensions == ImapExtensions::Qresync)
        script.expect("* ENABLE QRESYNC").send("* ENABLED QRESYNC\r\n$tag OK enabled\r\n");
    else if (m_extensions == ImapExtensions::CondstoreOnly)
        script.expect("* ENABLE CONDSTORE").send("* ENABLED CONDSTORE\r\n$tag OK enabled\r\n");
    for (int i = 0; i < m_exchanges.size(); ++i) {
        const Exchange &x = m_exchanges[i];
        script.expect("* " + x.command);
        if (drop != Drop::None && i == dropStep) {
            if (drop == Drop::MidAnswer) {
                QByteArray half;
                const int n = std::max<int>(1, int(x.untagged.size()) / 2);
                for (int k = 0; k < n && k < x.untagged.size(); ++k)
                    half += x.untagged[k] + "\r\n";
                script.send(half);
            }
            script.close();
            return;
        }
        QByteArray answer;
        for (const QByteArray &line : x.untagged)
            answer += line + "\r\n";
        script.send(answer + "$tag " + x.taggedOk + "\r\n");
    }
}

QByteArray fetchFlagsLine(int seq, quint32 uid, const QByteArray &flags, quint64 modseq)
{
    QByteArray line = "* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) +
                      " FLAGS (" + flags + ")";
    if (modseq)
        line += " MODSEQ (" + QByteArray::number(modseq) + ")";
    return line + ")";
}

QByteArray scriptedHeader(quint32 uid)
{
    return "From: bob@example.org\r\nTo: alice@example.org\r\nSubject: message " +
           QByteArray::number(uid) + "\r\nMessage-ID: <" + QByteArray::number(uid) +
           "@scripted.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n\r\n";
}

QByteArray fetchHeaderLine(int seq, quint32 uid, const QByteArray &flags, quint64 modseq)
{
    const QByteArray header = scriptedHeader(uid);
    QByteArray line = "* " + QByteArray::number(seq) + " FETCH (UID " + QByteArray::number(uid) +
                      " FLAGS (" + flags + ") INTERNALDATE \"02-Nov-2026 10:00:00 +0000\"" +
                      " RFC822.SIZE " + QByteArray::number(header.size() + 20);
    if (modseq)
        line += " MODSEQ (" + QByteArray::number(modseq) + ")";
    return line + " BODY[HEADER] {" + QByteArray::number(header.size()) + "}\r\n" + header + ")";
}

} // namespace herald::test
