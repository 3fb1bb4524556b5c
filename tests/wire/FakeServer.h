#pragma once
// Scripted loopback server for wire tests; see FakeServer.cpp.
