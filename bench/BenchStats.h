// SPDX-License-Identifier: Apache-2.0
// Small statistics shared by the bench programs.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace BenchStats {

// The p-quantile (0–1) of `v`, nearest rank; 0 for no values.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(std::llround(p * double(v.size() - 1))));
    return v[i];
}

} // namespace BenchStats
