#include "tools/driver/ApplySignals.h"

#include "ir/Runtime.h"

#include <csignal>

using namespace shc;

namespace {
volatile sig_atomic_t caughtSignal = 0;
LiveDatabase *volatile target = nullptr;
struct sigaction previousInt, previousTerm;

void onSignal(int sig) {
  caughtSignal = sig;
  if (LiveDatabase *conn = target)
    conn->cancelFromSignal(); // async-signal-safe
}
} // namespace

CancelOnSignal::CancelOnSignal(LiveDatabase &conn) {
  caughtSignal = 0;
  target = &conn;
  struct sigaction sa = {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, &previousInt);
  sigaction(SIGTERM, &sa, &previousTerm);
}

CancelOnSignal::~CancelOnSignal() {
  sigaction(SIGINT, &previousInt, nullptr);
  sigaction(SIGTERM, &previousTerm, nullptr);
  target = nullptr;
}

int CancelOnSignal::caught() { return caughtSignal; }
