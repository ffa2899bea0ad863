// match_run: the `clerkship match` command without the rest of the server binary, for timing
// the CLI end to end in isolation:  match_run INPUT.json [OUTPUT.json] [--verify]
#include <cstring>
#include <string>

#include "cli/match_command.h"

int main(int argc, char** argv) {
  std::string input, output;
  bool verify = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--verify") == 0) {
      verify = true;
    } else if (input.empty()) {
      input = argv[i];
    } else {
      output = argv[i];
    }
  }
  if (input.empty()) return 2;
  return clerkship::cli::RunMatchCommand(input, output, verify);
}
