#include "core/net/LineReader.h"

#include <QCoreApplication>
#include <algorithm>

namespace herald::net {

void LineReader::feed(const QByteArray &bytes)
{
    if (hasError())
        return;
    compact();
    m_buffer.append(bytes);
}

void LineReader::compact()
{
    if (m_pos > 0 && (m_pos >= m_buffer.size() / 2 || m_pos > 1 << 20)) {
        m_buffer.remove(0, m_pos);
        m_scanned = std::max<qsizetype>(0, m_scanned - m_pos);
        m_pos = 0;
    }
}

std::optional<QByteArray> LineReader::takeLine()
{
    if (hasError())
        return std::nullopt;
    // Only the bytes not searched yet: a long line in small pieces stays linear.
    const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_scanned));
    if (lf < 0) {
        m_scanned = m_buffer.size();
        if (buffered() > m_maxLine)
            m_error = Error::make(Error::Kind::Protocol,
                                  QCoreApplication::translate(
                                      "herald::net", "The server sent a line longer than %1 bytes.")
                                      .arg(m_maxLine));
        return std::nullopt;
    }
    qsizetype end = lf;
    const bool crlf = end > m_pos && m_buffer.at(end - 1) == '\r';
    if (crlf)
        --end;
    else if (m_strict) {
        m_error = Error::make(
            Error::Kind::Protocol,
            QCoreApplication::translate("herald::net", "The server sent a line without CRLF."));
        return std::nullopt;
    }
    if (end - m_pos > m_maxLine) {
        m_error = Error::make(Error::Kind::Protocol,
                              QCoreApplication::translate(
                                  "herald::net", "The server sent a line longer than %1 bytes.")
                                  .arg(m_maxLine));
        return std::nullopt;
    }
    QByteArray line = m_buffer.mid(m_pos, end - m_pos);
    m_pos = lf + 1;
    if (line.contains('\0')) {
        m_error =
            Error::make(Error::Kind::Protocol,
                        QCoreApplication::translate("herald::net", "The server sent a NUL byte."));
        return std::nullopt;
    }
    return line;
}

std::optional<QByteArray> LineReader::takeBytes(qsizetype n)
{
    if (hasError() || buffered() < n)
        return std::nullopt;
    QByteArray out = m_buffer.mid(m_pos, n);
    m_pos += n;
    return out;
}

void LineReader::clear()
{
    m_buffer.clear();
    m_pos = 0;
    m_scanned = 0;
    m_error = Error();
}

} // namespace herald::net
