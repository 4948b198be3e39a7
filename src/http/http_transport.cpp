// SPDX-License-Identifier: MIT
#include "msgraph/http/http_transport.hpp"

namespace msgraph {

HttpTransport::~HttpTransport() = default;

}  // namespace msgraph
