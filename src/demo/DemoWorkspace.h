// SPDX-License-Identifier: Apache-2.0
#pragma once

// The demo workspace as the desktop program holds it: an interface with no emulator type in
// it. The emulator (with cpp-httplib, OpenSSL and Brotli) is built into a module of its own,
// brickrun-demo, that the program loads only when the demo workspace is used
// (DemoWorkspaceLoader in brickrun_gui): a start on a real workspace never maps those
// libraries. brickrun-cli and the tests link the emulator directly.

#include <QString>

namespace Brickrun::Demo {

struct Options
{
    double speed = 1.0; // simulated seconds per real second
    QString stateFile;  // optional: where the runs are kept between starts
};

class Workspace
{
public:
    virtual ~Workspace() = default; // stops the server and joins its thread

    // Loads the workspace definition, binds to a free loopback port and serves on its own
    // thread; false with a readable reason in *error when it cannot.
    virtual bool start(QString *error) = 0;
    virtual QString baseUrl() const = 0; // "http://127.0.0.1:PORT"
    virtual QString token() const = 0;
    virtual double speed() const = 0;
    // Misbehave on purpose: a plan in brickrun-emulator's --faults notation
    // (docs/demo-workspace.md); false with *error when it does not parse.
    virtual bool setFaultPlan(const QString &spec, QString *error) = 0;
};

// The module's one exported function (C linkage, so that it is found by this name).
using CreateWorkspace = Workspace *(*)(const Options &options);
inline constexpr char CreateWorkspaceSymbol[] = "brickrunCreateDemoWorkspace";

} // namespace Brickrun::Demo
