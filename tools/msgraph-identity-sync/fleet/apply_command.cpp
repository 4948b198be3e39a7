// SPDX-License-Identifier: MIT
// `apply`: the plan, run through the library's fleet runner, with a results file and resume.
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "client_factory.hpp"
#include "error_report.hpp"
#include "fleet/apply_progress.hpp"
#include "fleet/desired_input.hpp"
#include "fleet/fleet_commands.hpp"
#include "fleet/interrupt.hpp"
#include "fleet/plan_run.hpp"
#include "fleet/results_journal.hpp"
#include "fleet/resume_set.hpp"
#include "fleet/tenant_clients.hpp"
#include "msgraph/client/fleet.hpp"
#include "msgraph/http/curl_multi_transport.hpp"
#include "terminal_text.hpp"

namespace msgraph_cli::fleet {

namespace {

// One partner the plan says to write: what the fleet needs to make its item, and its record.
struct Work {
  PlanAction action;
  std::string tenant;
  std::string partnerTenantId;
  std::size_t line;
  std::optional<std::size_t> entry;  // in the desired state; none for a removal
};

// `text` as a number from 1 to `most`, or nothing.
std::optional<int> numberUpTo(const std::string& text, int most) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || value > most) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (text.empty() || value < 1 || value > most) return std::nullopt;
  return value;
}

// --concurrency: auto (the scheduler) or a fixed cap without quota pacing.
std::optional<int> fixedConcurrency(const Arguments& args) {
  if (!args.raw.concurrency || *args.raw.concurrency == "auto") return std::nullopt;
  if (std::optional<int> value = numberUpTo(*args.raw.concurrency, 256)) return value;
  throw UsageError("--concurrency: expected auto or a number from 1 to 256");
}

// --batch [--batch-size N]: the requests per `$batch` envelope, or nothing without --batch.
std::optional<int> batchSize(const Arguments& args) {
  if (!args.raw.batch) {
    if (args.raw.batchSize) throw UsageError("--batch-size: needs --batch");
    return std::nullopt;
  }
  if (!args.raw.batchSize) return 20;  // Graph's most
  if (std::optional<int> value = numberUpTo(*args.raw.batchSize, 20)) return value;
  throw UsageError("--batch-size: expected a number from 1 to 20 (Graph's most per $batch)");
}

std::optional<std::size_t> tenantNumber(const DesiredState& desired, const std::string& tenant) {
  const auto& tenants = desired.tenants();
  for (std::size_t i = 0; i < tenants.size(); ++i) {
    if (tenants[i] == tenant) return i;
  }
  return std::nullopt;
}

ResultRecord recordOf(const Work& work) {
  ResultRecord record;
  record.line = work.line;
  record.tenant = work.tenant;
  record.partnerTenantId = work.partnerTenantId;
  record.action = planActionName(work.action);
  return record;
}

// The error of a failed partner as the record's code and message (server text, kept redacted
// by the library; made terminal-safe where it is printed).
void noteFailure(ResultRecord& record, const msgraph::Error& error) {
  if (const auto* service = dynamic_cast<const msgraph::ServiceError*>(&error)) {
    record.errorCode = service->code();
    record.errorMessage = service->message();
  } else {
    record.errorCode = dynamic_cast<const msgraph::ValidationError*>(&error) != nullptr
                           ? "ValidationError"
                           : "Error";
    record.errorMessage = error.what();
  }
}

// Counts of what the run did, for the summary line and the exit code.
struct Tally {
  std::size_t created = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, cancelled = 0,
              skipped = 0;
  void add(msgraph::FleetOutcome outcome) {
    switch (outcome) {
      case msgraph::FleetOutcome::Created:
        ++created;
        break;
      case msgraph::FleetOutcome::Updated:
        ++updated;
        break;
      case msgraph::FleetOutcome::Unchanged:
        ++unchanged;
        break;
      case msgraph::FleetOutcome::Removed:
        ++removed;
        break;
      case msgraph::FleetOutcome::Cancelled:
        ++cancelled;
        break;
      default:
        ++failed;
    }
  }
};

ResultRecord::Outcome recordedOutcome(msgraph::FleetOutcome outcome) {
  switch (outcome) {
    case msgraph::FleetOutcome::Failed:
      return ResultRecord::Outcome::Failed;
    case msgraph::FleetOutcome::Cancelled:
      return ResultRecord::Outcome::Cancelled;
    default:
      return ResultRecord::Outcome::Done;
  }
}

// The order the partners go in: the tenants' turns alternate (each keeps the file's order), so
// that one tenant whose quota is paused never fills the run's room while the others could go.
std::vector<std::size_t> interleavedByTenant(const std::vector<Work>& work) {
  std::unordered_map<std::string, std::size_t> queueOf;  // by tenant, in order of first sight
  std::vector<std::vector<std::size_t>> queues;
  for (std::size_t i = 0; i < work.size(); ++i) {
    const auto known = queueOf.emplace(work[i].tenant, queues.size());
    if (known.second) queues.emplace_back();
    queues[known.first->second].push_back(i);
  }
  std::vector<std::size_t> order;
  order.reserve(work.size());
  for (std::size_t turn = 0; order.size() < work.size(); ++turn) {
    for (const auto& queue : queues) {
      if (turn < queue.size()) order.push_back(queue[turn]);
    }
  }
  return order;
}

}  // namespace

ExitCode runApply(const Arguments& args) {
  const std::optional<int> fixed = fixedConcurrency(args);
  const std::optional<int> batch = batchSize(args);
  const DesiredState desired = readDesiredState(args);
  ResumeSet resume;
  if (args.raw.resume) {
    resume = ResumeSet::read(*args.raw.resume, [&](std::size_t line, const std::string& why) {
      std::cerr << terminalSafe(*args.raw.resume + ":" + std::to_string(line) +
                                ": not a finished record (" + why + "); its partner is done again")
                << '\n';
    });
  }
  std::optional<ResultsJournal> journal;
  if (args.raw.results) journal.emplace(*args.raw.results);

  // One event loop for every tenant's client, with the transport settings of the command line.
  const auto transport = std::make_shared<msgraph::CurlMultiTransport>(
      makeClient(args).options().asyncTransportOptions());
  TenantClients clients(args, transport);
  Tally tally;
  std::vector<Work> work;
  const auto planFailed =
      makePlan(desired, clients, args, args.raw.prune, [&](const PlanItem& item) {
        if (resume.isDone(item.tenant, item.partnerTenantId)) {
          ++tally.skipped;
          return;
        }
        Work next{item.action, item.tenant, item.partnerTenantId, item.line, std::nullopt};
        if (item.action != PlanAction::Remove) {
          if (auto tenant = tenantNumber(desired, item.tenant)) {
            next.entry = desired.find(*tenant, item.partnerTenantId);
          }
        }
        if (item.action != PlanAction::Unchanged) return work.push_back(std::move(next));
        ++tally.unchanged;  // done already: recorded, so that a resume skips it too
        ResultRecord record = recordOf(next);
        record.outcome = ResultRecord::Outcome::Done;
        if (journal) journal->append(record);
      });
  if (planFailed) return reportError(*planFailed, args);

  ApplyProgress progress(args.raw.quiet);
  msgraph::FleetOptions options;
  options.transport = transport;
  options.fixedConcurrency = fixed;
  options.batchSize = batch;
  options.total = work.size();
  options.progressInterval = progress.interval();
  options.progress = [&progress](const msgraph::FleetProgress& now) { progress.show(now); };
  options.tenant = [&](const std::string& tenant) {
    return std::make_shared<const msgraph::FleetTenant>(
        msgraph::FleetTenant{clients.client(tenant), args.raw.clientId.value_or(""),
                             tenant.empty() ? args.raw.tenant.value_or("") : tenant});
  };
  msgraph::Fleet fleet(options);

  const std::vector<std::size_t> order = interleavedByTenant(work);
  std::size_t next = 0;
  auto source = [&]() -> std::optional<msgraph::FleetItem> {
    if (next == order.size()) return std::nullopt;
    const Work& item = work[order[next++]];
    msgraph::FleetItem fleetItem;
    fleetItem.tenant = item.tenant;
    fleetItem.tag = order[next - 1];
    if (item.action == PlanAction::Remove) {
      fleetItem.action = msgraph::FleetAction::RemovePartner;
      fleetItem.partner.tenantId = item.partnerTenantId;
      return fleetItem;
    }
    // The plan names only partners of the file; one it cannot find there fails (the item then
    // names no partner), never becomes another write.
    if (!item.entry) return fleetItem;
    DesiredItem desiredItem = desired.item(*item.entry);
    fleetItem.partner = std::move(desiredItem.partner);
    fleetItem.policy = std::move(desiredItem.policy);
    return fleetItem;
  };
  auto sink = [&](const msgraph::FleetResult& result) {
    const Work& item = work[result.tag];
    ResultRecord record = recordOf(item);
    record.status = result.status;
    record.requestId = result.requestId;
    record.attempts = static_cast<int>(result.attempts.size());
    tally.add(result.outcome);
    record.outcome = recordedOutcome(result.outcome);
    if (result.error) noteFailure(record, *result.error);  // failed or cancelled: why
    if (record.outcome == ResultRecord::Outcome::Failed && result.error) {
      progress.finish();
      std::cerr << terminalSafe("apply: " + item.partnerTenantId +
                                (item.tenant.empty() ? "" : " (tenant " + item.tenant + ")") +
                                ": " + result.error->what())
                << '\n';
    }
    if (journal) journal->append(record);
  };
  msgraph::FleetControl control;
  msgraph::FleetSummary summary;
  {
    InterruptToStop interrupt(control);
    summary = fleet.run(source, sink, &control);
  }
  progress.finish();
  std::cout << "Applied: " << tally.created << " created, " << tally.updated << " updated, "
            << tally.unchanged << " unchanged, " << tally.removed << " removed, " << tally.failed
            << " failed";
  if (tally.cancelled != 0) std::cout << ", " << tally.cancelled << " cancelled";
  if (tally.skipped != 0) std::cout << ", " << tally.skipped << " skipped (done before)";
  std::cout << "; " << summary.requests << " requests, " << summary.throttled << " answered 429, "
            << summary.elapsed.count() << " ms\n";
  if (summary.stopped && (next < order.size() || tally.cancelled != 0)) return kExitInterrupted;
  if (tally.failed != 0) return kExitItemsFailed;
  return desired.badLines() != 0 ? kExitBadLines : kExitSuccess;
}

}  // namespace msgraph_cli::fleet
