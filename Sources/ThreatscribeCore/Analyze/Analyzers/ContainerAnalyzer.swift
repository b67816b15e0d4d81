/// Facts about each container shipped with the service (scope `container`, one subject per
/// `deployment.containers[]` item): what it is, where its ports are published, and the host
/// privileges it holds (Docker socket, `privileged`, root, passwordless sudo).
struct ContainerAnalyzer: Analyzer {
    let scopes = [FactScope("container", "A container shipped with the service (`deployment.containers[]`).", fields: [
        FactField("id", .string, "Its name (the compose service name)."),
        FactField("image", .string, "Its image."),
        FactField("role", .string, "`api`, `database`, `cache`, `admin_ui`, `proxy`, `worker`, `sidecar` or `other`."),
        FactField("is_admin_ui", .bool, "It is a web UI that administers another component (Adminer, pgAdmin, Flower)."),
        FactField("is_internal_service", .bool, "It is a database or cache: something only the API should reach."),
        FactField("published_ports", .list, "Its published ports as `address:host→container`; address `0.0.0.0` when none is bound."),
        FactField("publishes_on_all_interfaces", .bool, "A port is published without a bind address, or on `0.0.0.0` / `::`; Docker's own firewall rules then accept connections on every host interface, ahead of a host firewall such as ufw."),
        FactField("publishes_only_on_loopback", .bool, "It publishes ports, all bound to a loopback address (`127.0.0.1`, `::1`, `localhost`)."),
        FactField("routed_by_proxy", .bool, "The proxy routes outside traffic to it."),
        FactField("reachable_from_outside", .bool, "Published on every interface, or routed by the proxy."),
        FactField("docker_socket", .string, "`none`, `read_only` or `read_write`."),
        FactField("mounts_docker_socket", .bool, "`/var/run/docker.sock` is mounted, read-only or not: either way the container can use the whole Docker API."),
        FactField("privileged", .bool, "It runs with `privileged: true`."),
        FactField("runs_as_root", .bool, "Its process runs as UID 0."),
        FactField("passwordless_sudo", .bool, "Its user can run any command as root without a password."),
    ])]

    static let loopback: Set<String> = ["127.0.0.1", "::1", "[::1]", "localhost"]
    static let everyInterface: Set<String> = ["0.0.0.0", "::", "[::]", "*"]

    func subjects(in context: AnalysisContext) -> [FactSubject] {
        let containers = context.model.deployment?.containers ?? []
        return containers.enumerated().map { index, container in
            let path = ModelPath("deployment").appending("containers").appending(index)
            var subject = FactSubject(scope: "container", path: path, name: container.id, component: Component.deployment)
            subject.set("id", .string(container.id), from: path.appending("id"))
            subject.set("image", FactValue(container.image), from: path.appending("image"))
            subject.set("role", FactValue(container.role?.rawValue), from: path.appending("role"))
            if let role = container.role {
                subject.set("is_admin_ui", .bool(role == .adminUi), from: path.appending("role"))
                subject.set("is_internal_service", .bool(role == .database || role == .cache), from: path.appending("role"))
            }
            let portsPath = path.appending("published_ports")
            let ports = container.publishedPorts ?? []
            subject.set("published_ports", .list(ports.map(Self.text)), from: portsPath)
            let open = ports.firstIndex { Self.bindsEveryInterface($0.bindAddress) }
            subject.set("publishes_on_all_interfaces", .bool(open != nil), from: open.map { portsPath.appending($0) } ?? portsPath)
            subject.set("publishes_only_on_loopback", .bool(!ports.isEmpty && ports.allSatisfy { Self.loopback.contains($0.bindAddress?.lowercased() ?? "") }), from: portsPath)
            subject.set("routed_by_proxy", FactValue(container.routedByProxy), from: path.appending("routed_by_proxy"))
            if container.routedByProxy == true || open != nil {
                subject.set("reachable_from_outside", .bool(true), from: container.routedByProxy == true ? path.appending("routed_by_proxy") : portsPath.appending(open!))
            } else if container.routedByProxy == false || container.publishedPorts != nil {
                subject.set("reachable_from_outside", .bool(false), from: path)
            }
            let socket = container.dockerSocket
            subject.set("docker_socket", FactValue(socket?.rawValue), from: path.appending("docker_socket"))
            if let socket { subject.set("mounts_docker_socket", .bool(socket != DockerSocketAccess.none), from: path.appending("docker_socket")) }
            subject.set("privileged", FactValue(container.privileged), from: path.appending("privileged"))
            subject.set("runs_as_root", FactValue(container.runsAsRoot), from: path.appending("runs_as_root"))
            subject.set("passwordless_sudo", FactValue(container.passwordlessSudo), from: path.appending("passwordless_sudo"))
            return subject
        }
    }

    /// No bind address (Docker's default), or an unspecified address.
    static func bindsEveryInterface(_ address: String?) -> Bool {
        guard let address = address?.trimmingWhitespaces.lowercased(), !address.isEmpty else { return true }
        return everyInterface.contains(address)
    }

    /// `0.0.0.0:8080→8080`.
    static func text(_ port: PublishedPort) -> String {
        let address = port.bindAddress ?? "0.0.0.0"
        let host = port.hostPort.map(String.init) ?? "(random)"
        let inside = port.containerPort.map(String.init) ?? "?"
        return "\(address):\(host)→\(inside)"
    }
}
