// SPDX-License-Identifier: MIT
#pragma once

// The ensure loop (requests/ensurer.hpp) on the async pipeline: the same read, decision, write
// and race rounds, each request sent with runAsync, so that no thread waits.
#include <functional>
#include <memory>
#include <utility>

#include "requests/ensurer.hpp"

namespace msgraph::detail {

/// Receives what `Ensurer::run()` would have returned.
using EnsureStepCallback = std::function<void(Result<EnsureStep>)>;

/// Runs `ensurer` from round `round` on: `keepAlive` owns the ensurer and what it refers to, and
/// lives until `done` runs (on the loop thread, or at once when nothing can be sent).
template <typename Model>
void runEnsurerAsync(std::shared_ptr<void> keepAlive, Ensurer<Model>& ensurer, int round,
                     EnsureStepCallback done) {
  if (round == 0) {
    if (auto error = ensurer.refused()) return done(std::move(error));
  }
  if (round == Ensurer<Model>::kRounds) return done(ensurer.gaveUp());
  ensurer.read().runAsync([keepAlive, &ensurer, round, done](Result<Exchange> read) {
    Result<EnsureStep> step = ensurer.decide(std::move(read));
    if (!step.ok() || !step.value().write) return done(std::move(step));
    const RequestCore write = *step.value().write;
    write.runAsync([keepAlive, &ensurer, round, done, step](Result<Exchange> wrote) mutable {
      if (auto finished = ensurer.afterWrite(step, std::move(wrote))) {
        return done(std::move(*finished));
      }
      runEnsurerAsync(keepAlive, ensurer, round + 1, done);
    });
  });
}

}  // namespace msgraph::detail
