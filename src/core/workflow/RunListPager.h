// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/JobsClient.h"
#include "api/JsonMapping.h"

namespace Brickrun {

// Reading runs/list page after page, the one rule for "is there another page": the live service
// (Jobs API 2.2) sends next_page_token, passed back as page_token; an answer with has_more but
// no token (the demo workspace, older answers) is paged by offset. A page with has_more, no
// token and no runs ends the list (an offset that does not move would ask for it for ever).
class RunListPager
{
public:
    explicit RunListPager(const JobsClient::ListQuery &first = JobsClient::ListQuery())
        : m_query(first)
    {}

    // The query for the next page to read.
    const JobsClient::ListQuery &query() const { return m_query; }
    int pagesRead() const { return m_pages; }
    // Takes the answer to query(); true when another page follows (query() asks for it).
    bool advance(const JsonMapping::RunListPage &page);

private:
    JobsClient::ListQuery m_query;
    int m_pages = 0;
};

} // namespace Brickrun
