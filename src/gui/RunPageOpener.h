// SPDX-License-Identifier: Apache-2.0
#pragma once

class QWidget;

namespace Brickrun {

struct RunRecord;

// "Open the run page", wherever it is asked (the Run menu, the details' link): the service's
// address only when it is on the run's own workspace (safeRunPageUrl), opened in the browser.
// When it is not opened (no browser, an address Brickrun does not trust) a message says why and
// offers to copy the link. The one path for this action.
void openRunPage(QWidget *parent, const RunRecord &record);

} // namespace Brickrun
