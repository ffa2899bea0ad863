// `clerkship match INPUT.json [-o OUTPUT.json] [--verify]`: runs the stable-matching engine on a
// JSON instance and writes the assignment as JSON (contract in docs/match.md).
#pragma once

#include <string>

namespace clerkship::cli {

// Reads and validates `input_path`, matches, optionally re-checks the result with the
// independent verifier, and writes the result to `output_path` (empty = stdout).
// Returns 0 on success; 2 on invalid input (unreadable file, malformed JSON, unknown id,
// duplicate, negative capacity, ...) with a message naming the entry on stderr and nothing
// written; 1 when the output cannot be written or --verify finds the result infeasible.
int RunMatchCommand(const std::string& input_path, const std::string& output_path, bool verify);

}  // namespace clerkship::cli
