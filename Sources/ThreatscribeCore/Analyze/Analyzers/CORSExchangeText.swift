/// A CORS request and Starlette's answer written as HTTP, for evidence blocks.
struct CORSExchangeText {
    var evidence: CORSEvidence

    var text: String {
        let request = evidence.request
        var lines = ["\(request.method) / HTTP/1.1"]
        if let origin = request.origin { lines.append("Origin: \(origin)") }
        if request.hasCookie { lines.append("Cookie: session=…") }
        if let method = request.accessControlRequestMethod { lines.append("Access-Control-Request-Method: \(method)") }
        if let headers = request.accessControlRequestHeaders { lines.append("Access-Control-Request-Headers: \(headers)") }
        if let privateNetwork = request.accessControlRequestPrivateNetwork {
            lines.append("Access-Control-Request-Private-Network: \(privateNetwork)")
        }
        let response = evidence.response
        lines.append("")
        lines.append("HTTP/1.1 \(response.status)\(response.handlerRuns ? " (the endpoint ran)" : "")")
        for header in response.orderedHeaders { lines.append("\(header.name): \(header.value)") }
        if response.status == 400, !response.body.isEmpty { lines.append(""); lines.append(response.body) }
        return lines.joined(separator: "\n")
    }
}
