#include "workflow/PollPolicy.h"

#include <algorithm>
#include <cmath>

namespace Brickrun {

PollPolicy::ms PollPolicy::nextDelay(int pollsSinceChange) const
{
    const double steps = std::max(0, pollsSinceChange);
    double delay = double(firstDelay.count()) * std::pow(std::max(1.0, growth), steps);
    delay = std::min(delay, double(maxDelay.count()));
    delay /= std::max(0.001, timeScale);
    return ms(std::max<long long>(1, std::llround(delay)));
}

} // namespace Brickrun
