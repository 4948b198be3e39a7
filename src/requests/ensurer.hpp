// SPDX-License-Identifier: MIT
#pragma once

// The loop behind every ensure: read a resource, compare it with what is desired, then the least
// write, recovering from the races of concurrent writers. One for the policy, one for the
// partner configuration: they differ only in how an absent resource is created.
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "msgraph/models/model_difference.hpp"
#include "msgraph/requests/ensure_request.hpp"
#include "requests/request_body.hpp"
#include "requests/request_errors.hpp"

namespace msgraph::detail {

/// Whether `error` is Graph's answer with `status`.
bool hasServiceStatus(const Error& error, int status);

/// What an ensure found, and the write that would make the resource as desired.
struct EnsureStep {
  EnsureOutcome outcome = EnsureOutcome::Unchanged;
  std::vector<std::string> changed;
  std::optional<RequestCore> write;
};

template <typename Model>
class Ensurer {
 public:
  /// Races are retried this often: a read, then a write that found the state changed meanwhile.
  static constexpr int kRounds = 3;

  /// `resource` reads and patches the resource; `create` makes it when it is absent (a PUT at
  /// the resource or a POST to its collection, body included). Attempts add up in `attempts`.
  Ensurer(const RequestCore& resource, RequestCore create, const Model& desired,
          std::vector<Attempt>& attempts)
      : resource_(resource), create_(std::move(create)), desired_(desired), attempts_(attempts) {}

  /// The read that plans the write.
  RequestCore read() const { return resource_.withMethod(HttpMethod::Get, {}); }

  /// Reads and picks the write. A 404 means absent; any other failure is an error.
  Result<EnsureStep> plan() { return planFrom(read().run()); }

  /// Picks the write from what the read got.
  Result<EnsureStep> planFrom(Result<Exchange> read) {
    if (!read.ok()) {
      keep(read.error().attempts());
      if (!hasServiceStatus(read.error(), 404)) return failure(read.error());
      return EnsureStep{EnsureOutcome::Created, {}, create_};
    }
    keep(read.value().attempts);
    Model current;
    try {
      current = Model::fromJson(read.value().response.body);
    } catch (const DeserializationError& error) {
      return failure(error);
    }
    models::Difference<Model> difference = models::difference(desired_, current);
    EnsureStep step;
    if (difference.empty()) return step;
    step.outcome = EnsureOutcome::Updated;
    step.changed = std::move(difference.changed);
    step.write = withBody(resource_.withMethod(HttpMethod::Patch, {}), difference.patch);
    return step;
  }

  /// A desired model that cannot be written is refused before anything is read or written:
  /// the create request, which cannot be built, says why.
  bool desiredIsValid() const {
    try {
      desired_.toJson();
      return true;
    } catch (const ValidationError&) {
      return false;
    }
  }
  const RequestCore& create() const noexcept { return create_; }

  /// What the write of `step` got: the ensure's result, or nothing when another writer raced
  /// it (a 409 on the create: made meanwhile; a 404 on the PATCH: deleted meanwhile) and a new
  /// round must read again.
  std::optional<Result<EnsureStep>> afterWrite(Result<EnsureStep>& step, Result<Exchange> wrote) {
    if (wrote.ok()) {
      keep(wrote.value().attempts);
      if (wrote.value().declined) step.value().outcome = EnsureOutcome::Declined;
      return std::move(step);
    }
    keep(wrote.error().attempts());
    const bool raced = step.value().outcome == EnsureOutcome::Created
                           ? hasServiceStatus(wrote.error(), 409)
                           : hasServiceStatus(wrote.error(), 404);
    if (!raced) return Result<EnsureStep>(failure(wrote.error()));
    return std::nullopt;
  }

  /// The error of an ensure that lost every round to other writers.
  std::shared_ptr<const Error> gaveUp() const {
    return failure(Error("ensure gave up: the resource changed under it " +
                         std::to_string(kRounds) + " times in a row"));
  }

  /// Plans and writes until the write lands or kRounds races were lost.
  Result<EnsureStep> run() {
    if (!desiredIsValid()) return create_.run().errorPtr();
    for (int round = 0; round < kRounds; ++round) {
      Result<EnsureStep> step = plan();
      if (!step.ok() || !step.value().write) return step;
      Result<Exchange> wrote = step.value().write->run();
      if (auto done = afterWrite(step, std::move(wrote))) return std::move(*done);
    }
    return gaveUp();
  }

  /// An error carrying every attempt so far.
  std::shared_ptr<const Error> failure(const Error& error) const {
    return withAttempts(error, attempts_);
  }

 private:
  void keep(const std::vector<Attempt>& more) {
    attempts_.insert(attempts_.end(), more.begin(), more.end());
  }

  const RequestCore& resource_;
  RequestCore create_;
  const Model& desired_;
  std::vector<Attempt>& attempts_;
};

}  // namespace msgraph::detail
