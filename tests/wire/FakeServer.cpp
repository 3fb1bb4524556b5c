#include "tests/wire/FakeServer.h"
