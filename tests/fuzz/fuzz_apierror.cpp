// SPDX-License-Identifier: Apache-2.0
// Fuzz target: ApiError::fromHttp, which reads every error answer - Databricks JSON, SCIM, OAuth,
// a proxy's HTML page, plain text, binary junk - with any Content-Type and Retry-After header.
// Input: 2 bytes of status, a Content-Type line, a Retry-After line, then the body.
#include "FuzzInput.h"
#include "api/ApiError.h"

using namespace Brickrun;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::FuzzInput input(data, size);
    const int status = 100 + input.takeUint16() % 500;
    const QByteArray contentType = input.takeLine();
    const QByteArray retryAfter = input.takeLine();
    const QByteArray body = input.rest();

    const ApiError e = ApiError::fromHttp(status, body, contentType, retryAfter);
    Fuzz::check(e.kind == ApiError::Kind::Http && e.httpStatus == status, "wrong kind or status");
    Fuzz::check(!e.message.isEmpty(), "an error without a message");
    Fuzz::check(!e.toString().isEmpty(), "an error that reads as nothing");
    Fuzz::check(e.retryAfter.count() >= -1, "a negative Retry-After");
    // (An HTTP date is relative to the clock, so only whether there is a delay must agree.)
    Fuzz::check((ApiError::parseRetryAfter(retryAfter).count() >= 0) == (e.retryAfter.count() >= 0),
                "Retry-After read differently twice");
    (void)e.isTransient();
    (void)e.isClientError();
    (void)e.isAuthentication();
    return 0;
}
