// SPDX-License-Identifier: MIT
#pragma once

/// @file
/// The umbrella header: everything an application needs to call the cross-tenant identity
/// synchronization API. (`msgraph/testing/mock_transport.hpp` is separate, for tests.)

#include "msgraph/ascii.hpp"
#include "msgraph/attempt.hpp"
#include "msgraph/auth/access_token.hpp"
#include "msgraph/auth/client_certificate_credential.hpp"
#include "msgraph/auth/client_secret_credential.hpp"
#include "msgraph/auth/static_token_credential.hpp"
#include "msgraph/auth/token_credential.hpp"
#include "msgraph/auth/token_credential_options.hpp"
#include "msgraph/client/client_options.hpp"
#include "msgraph/client/graph_client.hpp"
#include "msgraph/cloud.hpp"
#include "msgraph/diagnostics/log.hpp"
#include "msgraph/error.hpp"
#include "msgraph/http/cancellation_token.hpp"
#include "msgraph/http/curl_transport.hpp"
#include "msgraph/http/http_request.hpp"
#include "msgraph/http/http_response.hpp"
#include "msgraph/http/http_transport.hpp"
#include "msgraph/http_headers.hpp"
#include "msgraph/json/json.hpp"
#include "msgraph/loopback.hpp"
#include "msgraph/models/group_sync_inbound.hpp"
#include "msgraph/models/identity.hpp"
#include "msgraph/models/identity_sync_policy_partner.hpp"
#include "msgraph/models/property.hpp"
#include "msgraph/models/user_sync_inbound.hpp"
#include "msgraph/pipeline/http_policy.hpp"
#include "msgraph/pipeline/retry_options.hpp"
#include "msgraph/response.hpp"
#include "msgraph/result.hpp"
#include "msgraph/version.hpp"
