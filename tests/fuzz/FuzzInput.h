// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the fuzz targets: cutting one input into the several arguments a function
// takes, and a check that reports a broken invariant the way libFuzzer reports a crash.

#include <QByteArray>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace Brickrun::Fuzz {

// Consumes the input from the front: fixed-size numbers, then '\n'-terminated fields; what is
// left is the body.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_bytes(reinterpret_cast<const char *>(data), qsizetype(size))
    {}

    quint16 takeUint16()
    {
        quint16 v = 0;
        for (int i = 0; i < 2 && m_pos < m_bytes.size(); ++i)
            v = quint16((v << 8) | quint8(m_bytes.at(m_pos++)));
        return v;
    }
    QByteArray takeLine()
    {
        const qsizetype end = m_bytes.indexOf('\n', m_pos);
        const QByteArray line = m_bytes.mid(m_pos, end < 0 ? -1 : end - m_pos);
        m_pos = end < 0 ? m_bytes.size() : end + 1;
        return line;
    }
    QByteArray rest() const { return m_bytes.mid(m_pos); }
    const QByteArray &all() const { return m_bytes; }

private:
    QByteArray m_bytes;
    qsizetype m_pos = 0;
};

// A broken invariant is a finding: print it and abort (libFuzzer saves the input).
inline void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace Brickrun::Fuzz
