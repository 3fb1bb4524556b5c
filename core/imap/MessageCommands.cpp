#include "core/imap/MessageCommands.h"

namespace herald::imap {

FetchCommand::FetchCommand(UidSet uids, QByteArray items, FetchOptions options,
                           std::function<void(const FetchData &)> onMessage,
                           ResultCallback<FetchResult> done)
    : TypedCommand(std::move(done)), m_uids(std::move(uids)), m_items(std::move(items)),
      m_options(options), m_onMessage(std::move(onMessage))
{
}

QList<CommandPart> FetchCommand::parts() const
{
    QByteArray items = m_items.trimmed();
    if (!items.startsWith('('))
        items = '(' + items + ')';
    QByteArray line = "UID FETCH " + m_uids.toByteArray() + ' ' + items;
    if (m_options.changedSince) {
        line += " (CHANGEDSINCE " + QByteArray::number(*m_options.changedSince);
        if (m_options.vanished)
            line += " VANISHED";
        line += ')';
    }
    return {CommandPart{line, false}};
}

bool FetchCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword == "VANISHED" && r.vanished.earlier && m_options.vanished) {
        m_value.vanished.add(r.vanished.uids);
        return true;
    }
    if (r.keyword != "FETCH" || !r.fetch.uid)
        return false;
    // A FETCH without UID, or for a UID outside the set, is unsolicited (another client changed
    // flags): the client reports it as a mailbox event. "n:*" ranges end at UidSet::Star.
    const bool mine = m_uids.contains(*r.fetch.uid);
    if (!mine)
        return false;
    ++m_value.messages;
    if (m_onMessage)
        m_onMessage(r.fetch);
    return true;
}

SearchCommand::SearchCommand(QByteArray criteria, bool esearch, ResultCallback<SearchResult> done)
    : TypedCommand(std::move(done)), m_criteria(std::move(criteria)), m_esearch(esearch)
{
}

QList<CommandPart> SearchCommand::parts() const
{
    QByteArray line = "UID SEARCH ";
    if (m_esearch)
        line += "RETURN (ALL) ";
    return {CommandPart{line + m_criteria, false}};
}

bool SearchCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword == "SEARCH") {
        m_value.uids.add(UidSet::fromList(r.search.ids));
        if (r.search.modseq)
            m_value.modseq = r.search.modseq;
        return true;
    }
    if (r.keyword == "ESEARCH" && (r.esearch.tag.isEmpty() || r.esearch.tag == tag)) {
        m_value.uids.add(r.esearch.all);
        if (r.esearch.modseq)
            m_value.modseq = r.esearch.modseq;
        return true;
    }
    return false;
}

StoreCommand::StoreCommand(UidSet uids, StoreMode mode, QList<QByteArray> flags,
                           std::optional<quint64> unchangedSince, bool silent,
                           ResultCallback<StoreResult> done)
    : TypedCommand(std::move(done)), m_uids(std::move(uids)), m_mode(mode),
      m_flags(std::move(flags)), m_unchangedSince(unchangedSince), m_silent(silent)
{
}

QList<CommandPart> StoreCommand::parts() const
{
    QByteArray line = "UID STORE " + m_uids.toByteArray() + ' ';
    if (m_unchangedSince)
        line += "(UNCHANGEDSINCE " + QByteArray::number(*m_unchangedSince) + ") ";
    line += m_mode == StoreMode::Add ? "+FLAGS" : m_mode == StoreMode::Remove ? "-FLAGS" : "FLAGS";
    if (m_silent)
        line += ".SILENT";
    line += " (" + m_flags.join(' ') + ')';
    return {CommandPart{line, false}};
}

bool StoreCommand::handleUntagged(const Response &r, bool)
{
    if (r.keyword != "FETCH" || !r.fetch.uid || !m_uids.contains(*r.fetch.uid))
        return false;
    m_value.updated << r.fetch;
    return true;
}

void StoreCommand::completeValue(const Response &tagged)
{
    if (tagged.code.name == "MODIFIED")
        m_value.modified = tagged.code.modified;
}

CopyCommand::CopyCommand(bool move, UidSet uids, QString destination,
                         ResultCallback<CopyResult> done)
    : TypedCommand(std::move(done)), m_move(move), m_uids(std::move(uids)),
      m_destination(std::move(destination))
{
}

QList<CommandPart> CopyCommand::parts() const
{
    return CommandBuilder()
        .raw(name() + ' ' + m_uids.toByteArray() + ' ')
        .mailbox(m_destination)
        .parts();
}

void CopyCommand::takeCode(const ResponseCode &code)
{
    if (code.name != "COPYUID")
        return;
    m_value.uidValidity = code.validity;
    m_value.sourceUids = code.sourceUids;
    m_value.destinationUids = code.destinationUids;
}

bool CopyCommand::handleUntagged(const Response &r, bool)
{
    if (r.status == Response::Status::Ok && r.code.name == "COPYUID") {
        takeCode(r.code);
        return true;
    }
    return false;
}

void CopyCommand::completeValue(const Response &tagged)
{
    takeCode(tagged.code);
}

QByteArray internalDateString(const QDateTime &dateTime)
{
    static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = dateTime.toUTC();
    const QDate d = utc.date();
    return QByteArray::number(d.day()).rightJustified(2, '0') + '-' + months[d.month() - 1] + '-' +
           QByteArray::number(d.year()) + ' ' +
           utc.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
}

namespace {
// RFC 3501 §6.3.11: APPEND takes the message in RFC 5322 form, whose lines end in CRLF. Bodies
// in the cache and files written on Unix may end lines in LF alone (or CR): Dovecot converts
// them, Cyrus refuses the whole message ("Message contains bare newlines"). Sent as CRLF.
QByteArray withCrlfLineEnds(QByteArray message)
{
    const char *data = message.constData();
    const qsizetype size = message.size();
    qsizetype bare = 0; // the first line end that is not CRLF
    while (bare < size && !((data[bare] == '\n' && (bare == 0 || data[bare - 1] != '\r')) ||
                            (data[bare] == '\r' && (bare + 1 == size || data[bare + 1] != '\n'))))
        ++bare;
    if (bare == size)
        return message; // CRLF already (mail from a server): no copy
    QByteArray out;
    out.reserve(size + size / 32);
    out.append(data, bare);
    for (qsizetype i = bare; i < size; ++i) {
        if (data[i] == '\r') {
            out.append("\r\n", 2);
            if (i + 1 < size && data[i + 1] == '\n')
                ++i;
        } else if (data[i] == '\n') {
            out.append("\r\n", 2);
        } else {
            out.append(data[i]);
        }
    }
    return out;
}
} // namespace

AppendCommand::AppendCommand(QString mailbox, QByteArray message, QList<QByteArray> flags,
                             QDateTime internalDate, ResultCallback<AppendResult> done)
    : TypedCommand(std::move(done)), m_mailbox(std::move(mailbox)),
      m_message(withCrlfLineEnds(std::move(message))), m_flags(std::move(flags)),
      m_date(std::move(internalDate))
{
}

QList<CommandPart> AppendCommand::parts() const
{
    CommandBuilder b;
    b.raw("APPEND ").mailbox(m_mailbox);
    if (!m_flags.isEmpty())
        b.raw(" (" + m_flags.join(' ') + ')');
    if (m_date.isValid())
        b.raw(" \"" + internalDateString(m_date) + '"');
    b.sp().literal(m_message);
    return b.parts();
}

void AppendCommand::completeValue(const Response &tagged)
{
    if (tagged.code.name == "APPENDUID") {
        m_value.uidValidity = tagged.code.validity;
        const auto &r = tagged.code.destinationUids.ranges();
        if (!r.empty())
            m_value.uid = r.front().first;
    }
}

IdleCommand::IdleCommand(std::function<void()> started, ResultCallback<Empty> done)
    : TypedCommand(std::move(done)), m_started(std::move(started))
{
}

std::optional<QByteArray> IdleCommand::handleContinuation(const Response &)
{
    if (!m_idling) {
        m_idling = true;
        if (m_started)
            m_started();
    }
    return std::nullopt;
}

} // namespace herald::imap
