#pragma once
// Commands about the session and mailboxes: CAPABILITY, ID, ENABLE, NAMESPACE, LIST, STATUS,
// SELECT/EXAMINE.

#include "core/imap/ImapCommand.h"

namespace herald::imap {

class CapabilityCommand : public TypedCommand<QList<QByteArray>>
{
public:
    using TypedCommand::TypedCommand;
    QList<CommandPart> parts() const override { return {CommandPart{"CAPABILITY", false}}; }
    QByteArray name() const override { return "CAPABILITY"; }
    bool handleUntagged(const Response &r, bool) override;
};

class IdCommand : public TypedCommand<QList<QPair<QByteArray, QByteArray>>>
{
public:
    IdCommand(QList<QPair<QByteArray, QByteArray>> fields,
              ResultCallback<QList<QPair<QByteArray, QByteArray>>> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "ID"; }
    bool handleUntagged(const Response &r, bool) override;

private:
    QList<QPair<QByteArray, QByteArray>> m_fields;
};

class EnableCommand : public TypedCommand<QList<QByteArray>>
{
public:
    EnableCommand(QList<QByteArray> extensions, ResultCallback<QList<QByteArray>> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "ENABLE"; }
    bool handleUntagged(const Response &r, bool) override;

private:
    QList<QByteArray> m_extensions;
};

class NamespaceCommand : public TypedCommand<NamespaceData>
{
public:
    using TypedCommand::TypedCommand;
    QList<CommandPart> parts() const override { return {CommandPart{"NAMESPACE", false}}; }
    QByteArray name() const override { return "NAMESPACE"; }
    bool handleUntagged(const Response &r, bool) override;
};

class ListCommand : public TypedCommand<QList<ListEntry>>
{
public:
    ListCommand(QString reference, QString pattern, bool returnSpecialUse,
                ResultCallback<QList<ListEntry>> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "LIST"; }
    void prepare(const QList<QByteArray> &caps) override
    {
        m_specialUse = caps.contains("SPECIAL-USE") && caps.contains("LIST-EXTENDED");
    }
    bool handleUntagged(const Response &r, bool) override;

private:
    QString m_reference, m_pattern;
    bool m_specialUse;
};

class StatusCommand : public TypedCommand<StatusData>
{
public:
    StatusCommand(QString mailbox, QList<QByteArray> items, ResultCallback<StatusData> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return "STATUS"; }
    bool handleUntagged(const Response &r, bool) override;

private:
    QString m_mailbox;
    QList<QByteArray> m_items;
};

class SelectCommand : public TypedCommand<SelectResult>
{
public:
    SelectCommand(QString mailbox, SelectOptions options, ResultCallback<SelectResult> done);
    QList<CommandPart> parts() const override;
    QByteArray name() const override { return m_options.readOnly ? "EXAMINE" : "SELECT"; }
    bool handleUntagged(const Response &r, bool oldest) override;
    const QString &mailbox() const { return m_mailbox; }

protected:
    void completeValue(const Response &tagged) override;

private:
    void takeCode(const ResponseCode &code);
    QString m_mailbox;
    SelectOptions m_options;
};

} // namespace herald::imap
