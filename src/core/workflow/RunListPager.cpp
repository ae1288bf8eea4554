// SPDX-License-Identifier: Apache-2.0
#include "workflow/RunListPager.h"

namespace Brickrun {

bool RunListPager::advance(const JsonMapping::RunListPage &page)
{
    ++m_pages;
    if (!page.hasMore)
        return false;
    if (!page.nextPageToken.isEmpty()) {
        m_query.pageToken = page.nextPageToken; // wins over offset
        m_query.offset = 0;
        return true;
    }
    if (page.runs.isEmpty())
        return false;
    // A run that moves between pages while they are read is at worst missed or read twice.
    m_query.pageToken.clear();
    m_query.offset += int(page.runs.size());
    return true;
}

} // namespace Brickrun
