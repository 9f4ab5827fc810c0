//! A browser-less client for the web pages: real HTTP, its own cookie, no redirects
//! followed (tests read where they lead), and `Sec-Fetch-Site: same-origin` on forms as a
//! browser sends it.

use reqwest::StatusCode;

/// The password every invited test user chooses.
pub const PASSWORD: &str = "a long enough passphrase";

pub struct PageClient {
    base: String,
    client: reqwest::Client,
    cookie: Option<String>,
}

#[derive(Debug)]
pub struct PageReply {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookie: Option<String>,
    pub body: String,
}

impl PageReply {
    /// The form token on the page.
    pub fn csrf(&self) -> String {
        let at = self
            .body
            .find("name=\"csrf\" value=\"")
            .unwrap_or_else(|| panic!("no form token on the page:\n{}", self.body));
        let rest = &self.body[at + "name=\"csrf\" value=\"".len()..];
        rest[..rest.find('"').unwrap()].to_string()
    }
}

impl PageClient {
    pub fn new(base: &str) -> PageClient {
        PageClient {
            base: base.to_string(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            cookie: None,
        }
    }

    /// The cookie this client holds, to hand to another client (a stolen-cookie test).
    pub fn cookie(&self) -> Option<String> {
        self.cookie.clone()
    }

    pub fn set_cookie(&mut self, cookie: Option<String>) {
        self.cookie = cookie;
    }

    async fn reply(&mut self, r: reqwest::Response) -> PageReply {
        let status = r.status();
        let header = |name: &str| {
            r.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let location = header("location");
        let set_cookie = header("set-cookie");
        if let Some(c) = &set_cookie {
            let pair = c.split(';').next().unwrap_or("").to_string();
            self.cookie = if c.contains("Max-Age=0") {
                None
            } else {
                Some(pair)
            };
        }
        PageReply {
            status,
            location,
            set_cookie,
            // As a person reads it: without the invisible bidi isolation marks.
            body: r
                .text()
                .await
                .unwrap_or_default()
                .replace(['\u{2068}', '\u{2069}'], ""),
        }
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&mut self, path: &str) -> PageReply {
        let mut req = self.client.get(self.url(path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().await.expect("GET");
        self.reply(r).await
    }

    /// Posts a form as a page of this site would.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> PageReply {
        self.post_with(path, fields, &[("sec-fetch-site", "same-origin")])
            .await
    }

    pub async fn post_with(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> PageReply {
        let mut req = self.client.post(self.url(path)).form(fields);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let r = req.send().await.expect("POST");
        self.reply(r).await
    }
}

/// A download as it arrives: status, headers and every byte (a byte order mark included).
pub struct Download {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: Vec<u8>,
}

impl PageClient {
    /// Posts a form with a file as a page of this site would (`multipart/form-data`).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> PageReply {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        if let Some((name, bytes)) = file {
            let part = reqwest::multipart::Part::bytes(bytes)
                .file_name("participants.csv")
                .mime_str("text/csv")
                .unwrap();
            form = form.part(name.to_string(), part);
        }
        let mut req = self
            .client
            .post(self.url(path))
            .multipart(form)
            .header("sec-fetch-site", "same-origin");
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().await.expect("POST");
        self.reply(r).await
    }

    pub async fn download(&mut self, path: &str) -> Download {
        let mut req = self.client.get(self.url(path));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let r = req.send().await.expect("GET");
        Download {
            status: r.status(),
            headers: r.headers().clone(),
            bytes: r.bytes().await.expect("the whole download").to_vec(),
        }
    }
}

/// The value of the first `<input … name="{name}" value="…">` on a page, unescaped.
pub fn input_value(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let at = body.find(&marker)? + marker.len();
    let raw = &body[at..at + body[at..].find('"')?];
    Some(
        raw.replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

/// The first link in `text` to a page under `path_prefix` (such as `/welcome/`), as a path.
pub fn link_to(text: &str, path_prefix: &str) -> Option<String> {
    let at = text.find(path_prefix)?;
    let end = text[at..]
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .map_or(text.len(), |e| at + e);
    Some(text[at..end].to_string())
}

/// Invites `email` through the API and follows the mailed link to choose a password: the
/// returned client is signed in.
pub async fn invited(app: &crate::TestApp, token: &str, email: &str, role: &str) -> PageClient {
    let link = &app.invite(token, email, role).await;
    let mut page = PageClient::new(&app.base);
    let form = page.get(link).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains(email),
        "the page names who is signing up"
    );
    let done = page
        .post(link, &[("password", PASSWORD), ("repeat", PASSWORD)])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.location.as_deref(), Some("/"));
    page
}
