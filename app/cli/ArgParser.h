#pragma once
// A small parser for "COMMAND [--option value] [--flag] [positional]" that gives
// one clear sentence for every mistake. Options are declared before parsing.

#include <QHash>
#include <QSet>
#include <QStringList>

namespace herald::cli {

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class ArgParser
{
public:
    ArgParser &option(const QString &name, bool repeatable = false); // takes a value
    ArgParser &flag(const QString &name);                            // takes none
    ArgParser &positional(const QString &name, bool required = true);

    // Throws UsageError naming `context` (e.g. "list") on unknown/missing input.
    void parse(const QStringList &args, const QString &context);

    bool isSet(const QString &name) const
    {
        return m_values.contains(name) || m_flagsSet.contains(name);
    }
    QString value(const QString &name, const QString &fallback = QString()) const;
    QStringList values(const QString &name) const { return m_values.value(name); }
    int intValue(const QString &name, int fallback) const;
    QString positionalValue(const QString &name) const { return m_positionalValues.value(name); }
    QStringList rest() const { return m_rest; }

private:
    QHash<QString, bool> m_options; // name -> repeatable
    QSet<QString> m_flags;
    QList<QPair<QString, bool>> m_positionals;
    QHash<QString, QStringList> m_values;
    QSet<QString> m_flagsSet;
    QHash<QString, QString> m_positionalValues;
    QStringList m_rest;
    QString m_context;
};

// A message ID as `list --json` prints it (a positive integer); UsageError naming
// `context` otherwise.
qint64 parseMessageId(const QString &text, const QString &context);

} // namespace herald::cli
