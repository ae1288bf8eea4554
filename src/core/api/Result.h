// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/ApiError.h"

#include <optional>
#include <utility>

namespace Brickrun {

// The value of a call that may fail: either a T or a typed ApiError. The core reports
// failures this way (never by exceptions across the event loop, never by a dialog).
template<typename T>
class Result
{
public:
    static Result success(T value)
    {
        Result r;
        r.m_value = std::move(value);
        return r;
    }
    static Result failure(ApiError error)
    {
        Result r;
        r.m_error = std::move(error);
        return r;
    }

    bool isOk() const { return m_value.has_value(); }
    explicit operator bool() const { return isOk(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    ApiError m_error;
};

} // namespace Brickrun
