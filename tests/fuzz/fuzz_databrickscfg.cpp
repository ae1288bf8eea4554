// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the ~/.databrickscfg reader. parse() is documented as pure and total: any bytes
// (UTF-8, UTF-16 with a BOM, CR/LF mixes, binary) give profiles and issues, never a crash.
#include "FuzzInput.h"
#include "config/DatabricksCfg.h"

using namespace Brickrun;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Fuzz::FuzzInput input(data, size);
    const DatabricksCfg cfg = DatabricksCfg::parse(input.all());
    const QList<DatabricksCfgProfile> profiles = cfg.profiles();
    for (const DatabricksCfgProfile &p : profiles) {
        Fuzz::check(p.name != QLatin1String("__settings__"), "[__settings__] read as a profile");
        Fuzz::check(p.line >= 1, "a profile without its line");
        Fuzz::check(cfg.profile(p.name).has_value(), "a listed profile cannot be found by name");
    }
    for (const DatabricksCfgIssue &issue : cfg.issues()) {
        Fuzz::check(issue.line >= 0, "an issue on a negative line");
        Fuzz::check(!issue.message.isEmpty(), "an issue without a message");
    }
    (void)cfg.defaultProfileName(QProcessEnvironment());
    return 0;
}
