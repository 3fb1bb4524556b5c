#pragma once
// ImapCommand: one IMAP command in flight (one small object per command, as in KDE's KIMAP).
// A command knows how to write itself (text and literals), which untagged responses belong to it,
// and how to turn the tagged completion into its typed result and callback.
// The client owns commands; a command never touches the socket.

#include "core/imap/ImapResults.h"

#include <QList>

namespace herald::imap {

struct CommandPart
{
    QByteArray bytes;
    bool literal = false;
};

// Builds the wire form of a command: atoms, quoted strings or literals as each argument needs.
class CommandBuilder
{
public:
    CommandBuilder &raw(const QByteArray &text);
    CommandBuilder &sp() { return raw(" "); }
    // astring: atom if possible, quoted if printable ASCII, literal otherwise.
    CommandBuilder &astring(const QByteArray &value);
    // A mailbox name, modified-UTF-7 encoded ("INBOX" stays INBOX).
    CommandBuilder &mailbox(const QString &name);
    CommandBuilder &quoted(const QByteArray &value); // must be quotable
    CommandBuilder &literal(const QByteArray &bytes);
    QList<CommandPart> parts() const { return m_parts; }

private:
    QList<CommandPart> m_parts;
};

class ImapCommand
{
public:
    virtual ~ImapCommand() = default;

    QByteArray tag;

    // The command after "<tag> ", e.g. "UID FETCH 1:* (FLAGS)"; literals as separate parts.
    virtual QList<CommandPart> parts() const = 0;
    // Name used in messages and logs ("SELECT").
    virtual QByteArray name() const = 0;
    // Called just before the command is written, with the capabilities known then.
    virtual void prepare(const QList<QByteArray> & /*capabilities*/) {}
    // Runs alone: waits for everything before it and blocks everything after it.
    virtual bool exclusive() const { return false; }
    // Carries credentials: never logged.
    virtual bool sensitive() const { return false; }
    // Offered each untagged response while in flight; return true to consume it.
    // oldest: no command sent before this one is still in flight.
    virtual bool handleUntagged(const Response &, bool /*oldest*/) { return false; }
    // A continuation request ("+") addressed to this command (not a literal continuation).
    // Returns the line to send (without CRLF), or nullopt to send nothing.
    virtual std::optional<QByteArray> handleContinuation(const Response &) { return std::nullopt; }
    // The tagged response arrived.
    virtual void complete(const Response &tagged) = 0;
    // The command cannot complete (connection lost, cancelled, refused locally).
    virtual void fail(const net::Error &error) = 0;

    // Builds the CommandResult for a tagged response (NO/BAD become CommandFailed errors).
    CommandResult resultOf(const Response &tagged,
                           net::Error::Kind failureKind = net::Error::Kind::CommandFailed) const;
};

// A command whose result is CommandResult plus a value of type T.
template <class T> class TypedCommand : public ImapCommand
{
public:
    explicit TypedCommand(ResultCallback<T> done) : m_done(std::move(done)) {}

    void complete(const Response &tagged) override
    {
        Result<T> r;
        static_cast<CommandResult &>(r) = resultOf(tagged, failureKind());
        completeValue(tagged);
        r.value = std::move(m_value);
        if (m_done)
            m_done(r);
    }
    void fail(const net::Error &error) override
    {
        Result<T> r;
        r.error = error;
        if (m_done)
            m_done(r);
    }

protected:
    virtual void completeValue(const Response &) {}
    virtual net::Error::Kind failureKind() const { return net::Error::Kind::CommandFailed; }
    T m_value{};

private:
    ResultCallback<T> m_done;
};

struct Empty
{
};

// A command with only a textual form and no data: NOOP, LOGOUT, CHECK, UID EXPUNGE, STARTTLS...
class SimpleCommand : public TypedCommand<Empty>
{
public:
    SimpleCommand(QByteArray name, QList<CommandPart> parts, ResultCallback<Empty> done,
                  bool exclusive = false)
        : TypedCommand(std::move(done)), m_name(std::move(name)), m_parts(std::move(parts)),
          m_exclusive(exclusive)
    {
    }
    QList<CommandPart> parts() const override { return m_parts; }
    QByteArray name() const override { return m_name; }
    bool exclusive() const override { return m_exclusive; }

private:
    QByteArray m_name;
    QList<CommandPart> m_parts;
    bool m_exclusive;
};

} // namespace herald::imap
