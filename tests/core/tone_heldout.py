"""Held-out sentences written for OutageWriter's tests (not from the dev corpus): realistic notice
language the rules were not tuned on. (text, expected categories among blame/guilt/overpromise)."""

HELD_OUT = [
    # blame
    ("The disruption was caused by a power failure at our colocation provider.", {"blame"}),
    ("Our DNS provider experienced a widespread outage, which made our site unreachable.", {"blame"}),
    ("This incident originated with a faulty update from a third-party security vendor.", {"blame"}),
    ("A technician at the facility mistakenly unplugged the storage array.", {"blame"}),
    ("The network team forgot to renew the certificate.", {"blame"}),
    ("An administrator accidentally deleted the production volume.", {"blame"}),
    ("Several customers misconfigured their API clients, flooding the service with retries.", {"blame"}),
    ("The slowdown was due to a customer's faulty integration sending millions of requests.", {"blame"}),
    ("The outage is entirely down to the carrier's negligence.", {"blame"}),
    # guilt
    ("We are deeply sorry for the disruption this has caused.", {"guilt"}),
    ("Frankly, our response today was unacceptable.", {"guilt"}),
    ("We know we let you down this week.", {"guilt"}),
    ("Please accept our deepest apologies for this outage.", {"guilt"}),
    ("We are embarrassed that this happened during your busiest week.", {"guilt"}),
    # overpromise
    ("We are putting safeguards in place to make sure this never happens again.", {"overpromise"}),
    ("All services will be fully restored by 18:00 CET.", {"overpromise"}),
    ("We guarantee that no data will be lost.", {"overpromise"}),
    ("Our team is working to ensure that customers will not face this problem in the future.", {"overpromise"}),
    # clean, including hard negatives
    ("We apologize for the inconvenience and thank you for your patience.", set()),
    ("Our engineers are working with our cloud provider to restore service.", set()),
    ("We expect the backlog to clear within two hours.", set()),
    ("Payments should be processed again by 16:00 UTC.", set()),
    ("The next update will follow within 30 minutes.", set()),
    ("Some users were incorrectly charged twice; refunds are on their way.", set()),
    ("Customers who use their own SMTP relay are not affected.", set()),
    ("The team deployed a fix at 14:12 UTC and error rates returned to normal.", set()),
    ("We failed over to the secondary region at 09:40 UTC.", set()),
    ("The root cause was a configuration change that we made to our load balancers.", set()),
    ("We are reviewing our deployment process to reduce the risk of a repeat.", set()),
    ("Customers in Europe could not log in between 10:02 and 10:47 UTC.", set()),
    ("We take full responsibility for this outage.", set()),
    ("Our partners experienced an outage of our API between 02:00 and 03:00 UTC.", set()),
    ("The issue never occurred in our staging environment.", set()),
    ("Reports delayed by the outage will be emailed tomorrow morning.", set()),
]
