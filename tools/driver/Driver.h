#pragma once
namespace shc {
/// Parses the command line and runs the requested subcommand. Returns the exit code.
int runDriver(int argc, char **argv);
}
