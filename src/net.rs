//! The SSRF guard: feeds and webhook targets come from config files that people copy from the
//! internet, and a feed URL is followed through redirects chosen by strangers. Unless allowed
//! (`[daemon] allow_private_networks`, `allow_private` on the feed or channel, or the address in
//! `[daemon] allow_private_addresses`), newswatch
//! never connects to loopback, private (RFC 1918), link-local (169.254.169.254, the cloud
//! metadata service, among them), CGNAT, unique-local or unspecified addresses, nor to the
//! IPv6 forms that carry one of those IPv4 addresses: IPv4-mapped (`::ffff:127.0.0.1`),
//! IPv4-compatible (`::127.0.0.1`), IPv4-translated (`::ffff:0:7f00:1`) and NAT64
//! (`64:ff9b::7f00:1`).
//!
//! The check runs on the addresses the connection will use: reqwest connects to what our
//! resolver returns, so a name that resolves to a public address for the check and a private
//! one for the connection (DNS rebinding) cannot slip through. Literal IP hosts never reach a
//! resolver and are checked by [`Guard::check_url`], on every redirect hop.

use std::error::Error;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// What to tell the user who needs a private address.
pub const HOW_TO_ALLOW: &str = "set allow_private = true on the feed or channel, list the \
     address in [daemon] allow_private_addresses, or set [daemon] allow_private_networks = true";

/// Why an address is refused, or `None` if it is public.
pub fn private_class(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_class(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return v4_class(v4).map(|_| "an IPv4-mapped private address");
            }
            let segments = v6.segments();
            let [a, b] = segments[6].to_be_bytes();
            let [c, d] = segments[7].to_be_bytes();
            let embedded = Ipv4Addr::new(a, b, c, d);
            // Prefixes whose last 32 bits are an IPv4 address, which a dual-stack host, a
            // translator or an old resolver library may reach as that address: 64:ff9b::/96
            // (NAT64), ::ffff:0:0/96 (IPv4-translated, SIIT) and ::/96 (IPv4-compatible,
            // deprecated but still parsed everywhere). `::` and `::1` sit inside ::/96 and keep
            // their own IPv6 meaning, so they are left to the checks below.
            let embedding = match segments[..6] {
                [0x64, 0xff9b, 0, 0, 0, 0] => Some("a NAT64 private address"),
                [0, 0, 0, 0, 0xffff, 0] => Some("an IPv4-translated private address"),
                [0, 0, 0, 0, 0, 0] if !v6.is_loopback() && !v6.is_unspecified() => {
                    Some("an IPv4-compatible private address")
                }
                _ => None,
            };
            if let Some(class) = embedding {
                return v4_class(embedded).map(|_| class);
            }
            if v6.is_loopback() {
                Some("a loopback address")
            } else if v6.is_unspecified() {
                Some("the unspecified address")
            } else if segments[0] & 0xfe00 == 0xfc00 {
                Some("a unique-local address")
            } else if segments[0] & 0xffc0 == 0xfe80 {
                Some("a link-local address")
            } else if v6.is_multicast() {
                Some("a multicast address")
            } else {
                None
            }
        }
    }
}

fn v4_class(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        Some("a loopback address")
    } else if ip.is_private() {
        Some("a private (RFC 1918) address")
    } else if ip.is_link_local() {
        Some("a link-local address")
    } else if a == 100 && (64..128).contains(&b) {
        Some("a carrier-grade NAT address")
    } else if a == 0 {
        Some("a \"this network\" address")
    } else if ip.is_broadcast() || ip.is_multicast() {
        Some("a broadcast or multicast address")
    } else {
        None
    }
}

/// Which private addresses may be reached anyway: the ones named in
/// `[daemon] allow_private_addresses` (an intranet feed, a local webhook receiver).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guard {
    pub exempt: Vec<IpAddr>,
}

impl Guard {
    /// Why `ip` is refused, or `None` if it may be reached.
    pub fn refuses(&self, ip: IpAddr) -> Option<&'static str> {
        let canonical = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        if self.exempt.contains(&ip) || self.exempt.contains(&canonical) {
            return None;
        }
        private_class(ip)
    }

    /// Refuses a URL whose host is a literal private address (names are checked when
    /// resolved).
    pub fn check_url(&self, url: &url::Url) -> Result<(), Blocked> {
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(url::Host::Ipv6(v6)) => IpAddr::V6(v6),
            _ => return Ok(()),
        };
        match self.refuses(ip) {
            Some(class) => Err(Blocked {
                host: ip.to_string(),
                address: ip,
                class,
            }),
            None => Ok(()),
        }
    }

    /// A reqwest resolver applying this guard.
    pub fn resolver(&self) -> Arc<GuardedResolver> {
        Arc::new(GuardedResolver {
            guard: Arc::new(self.clone()),
        })
    }
}

/// A connection the guard refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refusing to connect to {host}: {address} is {class}; to allow it, {HOW_TO_ALLOW}")]
pub struct Blocked {
    pub host: String,
    pub address: IpAddr,
    pub class: &'static str,
}

/// The guard's refusal behind an HTTP client's error, if that is what stopped the request: a
/// refused name surfaces from reqwest as "error sending request" with [`Blocked`] deep in its
/// chain of causes.
pub fn blocked_cause<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a Blocked> {
    let mut source = Some(error);
    while let Some(cause) = source {
        if let Some(blocked) = cause.downcast_ref::<Blocked>() {
            return Some(blocked);
        }
        source = cause.source();
    }
    None
}

/// `error` with each of its causes that its message does not already say: reqwest's top-level
/// message ("error sending request") hides what users need (connection refused, a DNS
/// failure, a TLS error, a timeout).
pub fn error_chain(error: &dyn Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

/// A DNS resolver for reqwest that drops refused addresses and fails when none is left.
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    guard: Arc<Guard>,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let guard = Arc::clone(&self.guard);
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let mut refused = None;
            let public: Vec<SocketAddr> = found
                .into_iter()
                .filter(|addr| match guard.refuses(addr.ip()) {
                    Some(class) => {
                        refused.get_or_insert((addr.ip(), class));
                        false
                    }
                    None => true,
                })
                .collect();
            match (public.is_empty(), refused) {
                (true, Some((address, class))) => Err(Box::new(Blocked {
                    host,
                    address,
                    class,
                })
                    as Box<dyn Error + Send + Sync>),
                _ => Ok(Box::new(public.into_iter()) as Addrs),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_private_class_is_refused_and_public_addresses_pass() {
        let refused = [
            "127.0.0.1",
            "127.1.2.3",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
        ];
        for ip in refused {
            let ip: IpAddr = ip.parse().expect("literal");
            assert!(private_class(ip).is_some(), "{ip} passed");
        }
        let public = [
            "8.8.8.8",
            "93.184.216.34",
            "100.128.0.1",
            "172.32.0.1",
            "2606:4700::1111",
            "::ffff:8.8.8.8",
        ];
        for ip in public {
            let ip: IpAddr = ip.parse().expect("literal");
            assert_eq!(private_class(ip), None, "{ip} refused");
        }
    }

    #[test]
    fn ipv4_compatible_and_translated_forms_are_classified_by_their_ipv4_address() {
        let cases = [
            // IPv4-compatible, ::/96 (RFC 4291, deprecated): ::127.0.0.1 is ::7f00:1.
            ("::127.0.0.1", Some("an IPv4-compatible private address")),
            (
                "::169.254.169.254",
                Some("an IPv4-compatible private address"),
            ),
            ("::10.1.2.3", Some("an IPv4-compatible private address")),
            // IPv4-translated, ::ffff:0:0/96 (RFC 2765 SIIT).
            (
                "::ffff:0:7f00:1",
                Some("an IPv4-translated private address"),
            ),
            (
                "::ffff:0:a9fe:a9fe",
                Some("an IPv4-translated private address"),
            ),
            (
                "::ffff:0:c0a8:101",
                Some("an IPv4-translated private address"),
            ),
            // The two addresses of ::/96 that are IPv6 addresses in their own right.
            ("::", Some("the unspecified address")),
            ("::1", Some("a loopback address")),
            // A public IPv4 address in either form is as public as the address itself.
            ("::8.8.8.8", None),
            ("::ffff:0:808:808", None),
        ];
        for (ip, expected) in cases {
            let parsed: IpAddr = ip.parse().expect("literal");
            assert_eq!(private_class(parsed), expected, "{ip}");
        }
        let guard = Guard::default();
        for url in ["http://[::127.0.0.1]/feed", "http://[::ffff:0:7f00:1]/hook"] {
            let parsed = url::Url::parse(url).expect("url");
            let blocked = guard.check_url(&parsed).expect_err(url);
            assert!(
                blocked.to_string().contains("refusing to connect"),
                "{blocked}"
            );
        }
    }

    #[test]
    fn literal_hosts_are_checked_and_names_are_left_to_the_resolver() {
        let guard = Guard::default();
        let url = |text: &str| url::Url::parse(text).expect("url");
        let blocked = guard
            .check_url(&url("http://169.254.169.254/latest/"))
            .expect_err("metadata service");
        assert!(blocked.to_string().contains("link-local"), "{blocked}");
        assert!(blocked.to_string().contains("allow_private"), "{blocked}");
        assert!(guard.check_url(&url("http://[::1]:8080/")).is_err());
        assert!(guard.check_url(&url("https://www.sec.gov/")).is_ok());
        let exempt = Guard {
            exempt: vec!["10.1.2.3".parse().expect("ip")],
        };
        assert!(exempt.check_url(&url("http://10.1.2.3/feed")).is_ok());
        assert!(
            exempt
                .check_url(&url("http://[::ffff:10.1.2.3]/feed"))
                .is_ok()
        );
        assert!(exempt.check_url(&url("http://10.1.2.4/feed")).is_err());
    }
}
