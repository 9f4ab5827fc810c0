//! Error texts from mail servers and SMS gateways quote the recipient ("550 <hawa@…>:
//! Recipient rejected", "The 'To' number +1604… is not valid"). Before such a text is
//! logged or kept on a message, the addresses and numbers in it are taken out.

/// `text` with every word holding an `@` replaced by `[address]`, and every run of digits
/// and phone punctuation holding 7 digits or more by `[number]`. Status codes such as
/// `550 5.1.1` or Twilio's `21211` stay.
pub fn without_contacts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.contains('@') {
            out.push_str("[address]");
        } else {
            out.push_str(word);
        }
    }
    without_numbers(&out)
}

/// Runs of digits, spaces, `+`, `-`, `.`, `(` and `)` with 7 digits or more, replaced.
fn without_numbers(text: &str) -> String {
    let is_part = |c: char| c.is_ascii_digit() || " +-.()".contains(c);
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        let digits = run.chars().filter(char::is_ascii_digit).count();
        if digits >= 7 {
            // Keep the spaces around the number, so the words stay apart.
            let lead = run.len() - run.trim_start().len();
            let trail = run.len() - run.trim_end().len();
            out.push_str(&run[..lead]);
            out.push_str("[number]");
            out.push_str(&run[run.len() - trail..]);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if is_part(c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_and_numbers_go_and_status_codes_stay() {
        assert_eq!(
            without_contacts("550 5.1.1 <hawa.s@example.org>: Recipient address rejected"),
            "550 5.1.1 [address] Recipient address rejected"
        );
        assert_eq!(
            without_contacts(
                "Twilio refused the SMS (400): The 'To' number +1 (604) 555-0111 is not a valid phone number. 21211"
            ),
            "Twilio refused the SMS (400): The 'To' number [number] is not a valid phone number. 21211"
        );
        assert_eq!(
            without_contacts("Kannel could not take the SMS (503): queue full"),
            "Kannel could not take the SMS (503): queue full"
        );
    }

    proptest! {
        #[test]
        fn no_address_or_number_survives(
            before in "[a-zA-Z :<(]{0,20}",
            user in "[a-z0-9._]{1,12}",
            domain in "[a-z]{1,10}\\.[a-z]{2,4}",
            number in "\\+?[0-9]{7,15}",
            after in "[a-zA-Z :>)]{0,20}",
        ) {
            let address = format!("{user}@{domain}");
            let text = format!("{before}{address}{after} and {number}{after}");
            let clean = without_contacts(&text);
            prop_assert!(!clean.contains(&address), "{}", clean);
            prop_assert!(!clean.contains(&number), "{}", clean);
        }
    }
}
