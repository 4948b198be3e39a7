// SPDX-License-Identifier: MIT
#pragma once

// The ensure loop of requests/ensurer.hpp on the event loop: the same reads, decisions and
// race rounds, each request sent with runAsync and the next step taken in its completion, so no
// thread waits. It owns what the blocking Ensurer borrows (requests, desired model, attempts).
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "requests/ensurer.hpp"

namespace msgraph::detail {

template <typename Model>
class AsyncEnsurer : public std::enable_shared_from_this<AsyncEnsurer<Model>> {
 public:
  /// Receives the ensure's step (or error) and every attempt so far; on the loop thread, or at
  /// once when nothing could be sent.
  using Done = std::function<void(Result<EnsureStep> step, std::vector<Attempt> attempts)>;

  /// `attempts` are those of earlier ensures of the same call (the partner's, before its
  /// policy's); this one's are added to them.
  AsyncEnsurer(RequestCore resource, RequestCore create, Model desired,
               std::vector<Attempt> attempts, Done done)
      : resource_(std::move(resource)),
        desired_(std::move(desired)),
        attempts_(std::move(attempts)),
        ensurer_(resource_, std::move(create), desired_, attempts_),
        done_(std::move(done)) {}

  void start() {
    if (ensurer_.desiredIsValid()) return nextRound();
    ensurer_.create().runAsync([self = this->shared_from_this()](Result<Exchange> refused) {
      self->finish(refused.errorPtr());
    });
  }

 private:
  void nextRound() {
    if (round_++ == Ensurer<Model>::kRounds) return finish(ensurer_.gaveUp());
    ensurer_.read().runAsync([self = this->shared_from_this()](Result<Exchange> read) {
      self->planned(self->ensurer_.planFrom(std::move(read)));
    });
  }

  void planned(Result<EnsureStep> step) {
    if (!step.ok() || !step.value().write) return finish(std::move(step));
    step_.emplace(std::move(step));
    step_->value().write->runAsync([self = this->shared_from_this()](Result<Exchange> wrote) {
      std::optional<Result<EnsureStep>> result =
          self->ensurer_.afterWrite(*self->step_, std::move(wrote));
      if (result) return self->finish(std::move(*result));
      self->nextRound();
    });
  }

  void finish(Result<EnsureStep> step) {
    Done done = std::move(done_);
    done_ = nullptr;
    done(std::move(step), std::move(attempts_));
  }

  RequestCore resource_;
  Model desired_;
  std::vector<Attempt> attempts_;
  Ensurer<Model> ensurer_;  // refers to the members above
  Done done_;
  std::optional<Result<EnsureStep>> step_;
  int round_ = 0;
};

}  // namespace msgraph::detail
