// SPDX-License-Identifier: MIT
#include "msgraph/http/async_http_transport.hpp"

namespace msgraph {

AsyncHttpTransport::~AsyncHttpTransport() = default;

}  // namespace msgraph
