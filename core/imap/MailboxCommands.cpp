#include "core/imap/MailboxCommands.h"

#include "core/imap/ModifiedUtf7.h"

namespace herald::imap {

bool CapabilityCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "CAPABILITY")
        return false;
    m_value = r.atoms;
    return false; // the client also records capabilities
}

IdCommand::IdCommand(QList<QPair<QByteArray, QByteArray>> fields,
                     ResultCallback<QList<QPair<QByteArray, QByteArray>>> done)
    : TypedCommand(std::move(done)), m_fields(std::move(fields))
{
}

QList<CommandPart> IdCommand::parts() const
{
    CommandBuilder b;
    b.raw("ID ");
    if (m_fields.isEmpty())
        return b.raw("NIL").parts();
    b.raw("(");
    bool first = true;
    for (const auto &f : m_fields) {
        if (!first)
            b.sp();
        first = false;
        b.quoted(f.first).sp().quoted(f.second);
    }
    return b.raw(")").parts();
}

bool IdCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "ID")
        return false;
    m_value = r.id;
    return true;
}

EnableCommand::EnableCommand(QList<QByteArray> extensions, ResultCallback<QList<QByteArray>> done)
    : TypedCommand(std::move(done)), m_extensions(std::move(extensions))
{
}

QList<CommandPart> EnableCommand::parts() const
{
    QByteArray line = "ENABLE";
    for (const QByteArray &e : m_extensions)
        line += ' ' + e;
    return {CommandPart{line, false}};
}

bool EnableCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "ENABLED")
        return false;
    m_value += r.atoms;
    return true;
}

bool NamespaceCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "NAMESPACE")
        return false;
    m_value = r.ns;
    return true;
}

ListCommand::ListCommand(QString reference, QString pattern, bool returnSpecialUse,
                         ResultCallback<QList<ListEntry>> done)
    : TypedCommand(std::move(done)), m_reference(std::move(reference)),
      m_pattern(std::move(pattern)), m_specialUse(returnSpecialUse)
{
}

QList<CommandPart> ListCommand::parts() const
{
    CommandBuilder b;
    b.raw("LIST ")
        .quoted(ModifiedUtf7::encode(m_reference))
        .sp()
        .quoted(ModifiedUtf7::encode(m_pattern));
    if (m_specialUse)
        b.raw(" RETURN (SPECIAL-USE)");
    return b.parts();
}

bool ListCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "LIST")
        return false;
    m_value << r.list;
    return true;
}

StatusCommand::StatusCommand(QString mailbox, QList<QByteArray> items,
                             ResultCallback<StatusData> done)
    : TypedCommand(std::move(done)), m_mailbox(std::move(mailbox)), m_items(std::move(items))
{
}

QList<CommandPart> StatusCommand::parts() const
{
    return CommandBuilder()
        .raw("STATUS ")
        .mailbox(m_mailbox)
        .raw(" (" + m_items.join(' ') + ")")
        .parts();
}

bool StatusCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "STATUS")
        return false;
    m_value = r.statusData;
    return true;
}

SelectCommand::SelectCommand(QString mailbox, SelectOptions options,
                             ResultCallback<SelectResult> done)
    : TypedCommand(std::move(done)), m_mailbox(std::move(mailbox)), m_options(std::move(options))
{
    m_value.mailbox = m_mailbox;
    m_value.readOnly = m_options.readOnly;
}

QList<CommandPart> SelectCommand::parts() const
{
    CommandBuilder b;
    b.raw(name() + ' ').mailbox(m_mailbox);
    if (m_options.qresync) {
        const QresyncParams &q = *m_options.qresync;
        QByteArray p =
            " (QRESYNC (" + QByteArray::number(q.uidValidity) + ' ' + QByteArray::number(q.modSeq);
        if (!q.knownUids.isEmpty())
            p += ' ' + q.knownUids.toByteArray();
        b.raw(p + "))");
    } else if (m_options.condstore) {
        b.raw(" (CONDSTORE)");
    }
    return b.parts();
}

void SelectCommand::takeCode(const ResponseCode &code)
{
    if (code.uidValidity)
        m_value.uidValidity = *code.uidValidity;
    if (code.uidNext)
        m_value.uidNext = *code.uidNext;
    if (code.unseen)
        m_value.unseen = code.unseen;
    if (code.highestModSeq)
        m_value.highestModSeq = code.highestModSeq;
    if (code.name == "NOMODSEQ")
        m_value.noModSeq = true;
    if (code.name == "PERMANENTFLAGS")
        m_value.permanentFlags = code.permanentFlags;
    if (code.name == "READ-ONLY")
        m_value.readOnly = true;
    if (code.name == "READ-WRITE")
        m_value.readOnly = false;
}

bool SelectCommand::handleUntagged(const Response &r, bool oldest)
{
    if (!oldest)
        return false;
    if (r.status == Response::Status::Ok) {
        if (r.code.name == "CLOSED")
            return false;
        takeCode(r.code);
        return !r.code.name.isEmpty() && r.code.name != "ALERT" && r.code.name != "CAPABILITY";
    }
    if (r.keyword == "EXISTS") {
        m_value.exists = r.number;
        return true;
    }
    if (r.keyword == "RECENT") {
        m_value.recent = r.number;
        return true;
    }
    if (r.keyword == "FLAGS") {
        m_value.flags = r.atoms;
        return true;
    }
    if (r.keyword == "VANISHED" && r.vanished.earlier) {
        m_value.vanished.add(r.vanished.uids);
        return true;
    }
    if (r.keyword == "FETCH" && m_options.qresync) {
        if (m_options.onChanged)
            m_options.onChanged(r.fetch);
        else
            m_value.changed << r.fetch;
        return true;
    }
    return false;
}

void SelectCommand::completeValue(const Response &tagged)
{
    takeCode(tagged.code);
}

} // namespace herald::imap
