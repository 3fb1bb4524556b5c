#include "app/cli/ArgParser.h"

namespace herald::cli {

ArgParser &ArgParser::option(const QString &name, bool repeatable)
{
    m_options.insert(name, repeatable);
    return *this;
}

ArgParser &ArgParser::flag(const QString &name)
{
    m_flags.insert(name);
    return *this;
}

ArgParser &ArgParser::positional(const QString &name, bool required)
{
    m_positionals.append({name, required});
    return *this;
}

void ArgParser::parse(const QStringList &args, const QString &context)
{
    m_context = context;
    int nextPositional = 0;
    for (int i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        if (arg.startsWith(QLatin1String("--")) && arg.size() > 2) {
            QString name = arg.mid(2);
            QString inlineValue;
            bool hasInline = false;
            if (const int eq = name.indexOf(QLatin1Char('=')); eq > 0) {
                inlineValue = name.mid(eq + 1);
                name = name.left(eq);
                hasInline = true;
            }
            if (m_flags.contains(name)) {
                if (hasInline)
                    throw UsageError(
                        QStringLiteral("%1: --%2 takes no value").arg(context, name).toStdString());
                m_flagsSet.insert(name);
                continue;
            }
            if (!m_options.contains(name))
                throw UsageError(
                    QStringLiteral("%1: unknown option --%2").arg(context, name).toStdString());
            if (!hasInline && i + 1 >= args.size())
                throw UsageError(
                    QStringLiteral("%1: --%2 needs a value").arg(context, name).toStdString());
            if (m_values.contains(name) && !m_options.value(name))
                throw UsageError(
                    QStringLiteral("%1: --%2 given twice").arg(context, name).toStdString());
            m_values[name].append(hasInline ? inlineValue : args[++i]);
            continue;
        }
        if (nextPositional < m_positionals.size()) {
            m_positionalValues.insert(m_positionals[nextPositional++].first, arg);
            continue;
        }
        throw UsageError(
            QStringLiteral("%1: unexpected argument '%2'").arg(context, arg).toStdString());
    }
    for (int p = nextPositional; p < m_positionals.size(); ++p)
        if (m_positionals[p].second)
            throw UsageError(QStringLiteral("%1: missing %2")
                                 .arg(context, m_positionals[p].first)
                                 .toStdString());
}

QString ArgParser::value(const QString &name, const QString &fallback) const
{
    const QStringList v = m_values.value(name);
    return v.isEmpty() ? fallback : v.last();
}

int ArgParser::intValue(const QString &name, int fallback) const
{
    if (!m_values.contains(name))
        return fallback;
    bool ok = false;
    const int v = value(name).toInt(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("%1: --%2 needs a whole number, not '%3'")
                             .arg(m_context, name, value(name))
                             .toStdString());
    return v;
}

qint64 parseMessageId(const QString &text, const QString &context)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        throw UsageError(QStringLiteral("%1: '%2' is not a message id (see 'list --json')")
                             .arg(context, text)
                             .toStdString());
    return id;
}

} // namespace herald::cli
