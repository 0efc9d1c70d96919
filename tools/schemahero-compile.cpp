#include "tools/driver/Driver.h"
int main(int argc, char **argv) { return shc::runDriver(argc, argv); }
