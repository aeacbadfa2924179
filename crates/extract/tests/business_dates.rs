//! Dates of business and financial news, from real Reuters-21578 sentences
//! (`../shared/data/corpus/reuters21578`, each with its story's date): quarters
//! and halves with and without a year, fiscal years, the reporting quarter, the
//! year-earlier period, the year of a report and year end, fiscal years named by
//! the month they end in, midnight, last night, overnight, parts of a day and
//! seasons without a year. Values are TimeML's (`1987-Q1`, `1986-H2`, `FY1988`,
//! `FY1987-Q1`, `1987-03-24TNI`, `1987-SU`), checked through the public
//! `timeml_dates`.
use chrono::NaiveDate;
use newsdesk_extract::timeml_dates;

/// Published date, sentence, then each (expression, TimeML value) that must be found:
/// a mention overlapping the expression has that value.
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const CASES: &[Case] = &[
    // quarters without a year: the latest one begun by publication
    (
        "1987-02-26",
        "It said subsequent quarters should show substantial improvement from first quarter levels but 1987 earnings will not reach 1986 levels as long as those conditions continue.",
        &[
            ("first quarter", "1987-Q1"),
            ("1987", "1987"),
            ("1986", "1986"),
        ],
    ),
    (
        "1987-06-19",
        "1 mln dlrs to its loan loss reserve during the second quarter to cover potential foreign debt exposure in Latin America.",
        &[("second quarter", "1987-Q2")],
    ),
    (
        "1987-04-13",
        "A weak dollar, a lower tax rate and strong mainframe computer sales all contributed to the better-than-expected first-quarter results, analysts said.",
        &[("first-quarter", "1987-Q1")],
    ),
    (
        "1987-04-13",
        "Goodyear said it will report first quarter results April 27.",
        &[("first quarter", "1987-Q1"), ("April 27", "1987-04-27")],
    ),
    (
        "1987-10-20",
        "The company's total sales in the third quarter rose 11 pct to 1.",
        &[("third quarter", "1987-Q3")],
    ),
    (
        "1987-03-17",
        "Thus while inventories could contribute to GNP in the first quarter, they may result in scaled-back production and weaker growth in the second, he said.",
        &[("first quarter", "1987-Q1")],
    ),
    (
        "1987-03-26",
        "Great American Corp said preliminary findings by regulatory examiners of its AMBANK subsidiary will result in a first quarter charge of 14.",
        &[("first quarter", "1987-Q1")],
    ),
    (
        "1987-03-05",
        "It also reported fourth quarter net of 43.",
        &[("fourth quarter", "1986-Q4")],
    ),
    (
        "1987-06-01",
        "Following its 500 mln dlr addition to the credit loss reserve, its primary capital ratio at the end of the second quarter will be about 7.",
        &[("second quarter", "1987-Q2")],
    ),
    (
        "1987-10-20",
        "The company said its Coldwell Banker Real Estate Group reported third-quarter income of 47.",
        &[("third-quarter", "1987-Q3")],
    ),
    (
        "1987-10-19",
        "S and P cited the firm's restructuring which resulted in a 380 mln dlr third quarter loss.",
        &[("third quarter", "1987-Q3")],
    ),
    (
        "1987-04-01",
        "Nowak said his increased estimates come after the company told analysts yesterday that its first quarter earnings will comfortably cover its quarterly dividend requirement of one dlr a share.",
        &[("first quarter", "1987-Q1"), ("yesterday", "1987-03-31")],
    ),
    (
        "1987-03-17",
        "7 billion dlrs from 300 mln dlrs in the third quarter because of a sharp selloff of foreign stocks and bonds, the department said.",
        &[("third quarter", "1986-Q3")],
    ),
    (
        "1987-04-07",
        "The company also said its first quarter results are expected to include a provision for loan losses of 55 mln dlrs, about 20 mln dlrs over net loan-charge-offs of about 35 mln dlrs.",
        &[("first quarter", "1987-Q1")],
    ),
    (
        "1987-04-13",
        "NCR earlier said first quarter profit increased to 61.",
        &[("first quarter", "1987-Q1")],
    ),
    (
        "1987-04-08",
        "Earlier today, the company told a meeting of investors here that the first quarter loss would be 20 cts a share.",
        &[("first quarter", "1987-Q1")],
    ),
    // a year before or after it, `last year's`
    (
        "1987-10-19",
        "In the 1986 fourth quarter, the company had an operating loss of 4.",
        &[("1986 fourth quarter", "1986-Q4")],
    ),
    (
        "1987-10-20",
        "As a result, after-tax gains on sales of loans and mortgage-backed securities accounted for 28 pct of its third quarter net, compared to 82 pct in last year's third quarter.",
        &[
            ("its third quarter", "1987-Q3"),
            ("last year's third quarter", "1986-Q3"),
        ],
    ),
    (
        "1987-06-29",
        "It said its loss projection of 35 mln dlrs for the second quarter, ending June 30, takes into account the 49 mln dlr gain from the sale of RMJ Holdings and compares with last year's second quarter income of 37.",
        &[
            ("the second quarter", "1987-Q2"),
            ("June 30", "1987-06-30"),
            ("last year's second quarter", "1986-Q2"),
        ],
    ),
    (
        "1987-03-05",
        "2 pct to 113,275 tonnes in fourth quarter 1986 from 109,767 in the same 1985 period but sales fell 18.",
        &[("fourth quarter 1986", "1986-Q4")],
    ),
    (
        "1987-03-17",
        "Even with Insat 1C's launch by Ariane in the first quarter of 1988, we will still be in trouble because the life of Insat 1B ends in 1989,\" Rao said.",
        &[("first quarter of 1988", "1988-Q1"), ("1989", "1989")],
    ),
    (
        "1987-06-15",
        "The new firm, Yamaha-Olin Metal Corp, will share facilities with Yamaha in Iwata, which are expected to come on line in the third quarter of 1988.",
        &[("third quarter of 1988", "1988-Q3")],
    ),
    (
        "1987-03-13",
        "8 pct from first quarter 1985 to first quarter 1986 reflecting to a large degree a 22 pct drop in the trade-weighted real value of the dollar from February 1985 to February 1987.",
        &[
            ("first quarter 1985", "1985-Q1"),
            ("first quarter 1986", "1986-Q1"),
            ("February 1985", "1985-02"),
            ("February 1987", "1987-02"),
        ],
    ),
    (
        "1987-04-11",
        "9 pct to 55,190 tonnes in the first quarter of 1987 from 53,643 tonnes in the same quarter of of 1986, the Bonn-based Confectionery Industry Association said in a statement.",
        &[("first quarter of 1987", "1987-Q1")],
    ),
    (
        "1987-04-01",
        "8 pct, for the whole first quarter of 1986.",
        &[("first quarter of 1986", "1986-Q1")],
    ),
    (
        "1987-03-16",
        "As such, its first quarter 1987 results will be below last year's first quarter of 1.",
        &[
            ("first quarter 1987", "1987-Q1"),
            ("last year's first quarter", "1986-Q1"),
        ],
    ),
    (
        "1987-04-08",
        "11 dlrs per share reported for the first quarter of 1986.",
        &[("first quarter of 1986", "1986-Q1")],
    ),
    (
        "1987-03-23",
        "Photo Moto recored a net loss for the first quarter 1986 ending March 31 of 328,889 dlrs.",
        &[("first quarter 1986", "1986-Q1")],
    ),
    (
        "1987-03-19",
        "Iomega Corp announced it expected revenues for the first quarter of 1987 to be significantly lower than planned and that it anticipated a loss for the quarter.",
        &[
            ("first quarter of 1987", "1987-Q1"),
            ("the quarter", "1987-Q1"),
        ],
    ),
    (
        "1987-04-13",
        "4 pct in the fourth quarter of 1986, compared with the same period in 1985, National Statistics Institute ISTAT said.",
        &[("fourth quarter of 1986", "1986-Q4")],
    ),
    (
        "1987-04-08",
        "Its overseas edition said the growth rate, which compares with a target of seven pct for the whole of 1987, was \"rather high\" but the base in the first quarter of 1986 was on the low side.",
        &[("1987", "1987"), ("first quarter of 1986", "1986-Q1")],
    ),
    (
        "1987-03-26",
        "Burr-Brown Corp said its first quarter 1987 results will show profits significantly below the 1,058,000 dlrs, or 11 cts per share, earned in the first quarter last year.",
        &[
            ("first quarter 1987", "1987-Q1"),
            ("first quarter last year", "1986-Q1"),
        ],
    ),
    (
        "1987-04-13",
        "1 billion pesos in the first quarter of 1987.",
        &[("first quarter of 1987", "1987-Q1")],
    ),
    (
        "1987-04-07",
        "Production is set to begin in third quarter 1989.",
        &[("third quarter 1989", "1989-Q3")],
    ),
    (
        "1987-03-23",
        "Hahn declined to forecast first quarter 1987 results, or answer questions about the VW currency scandal.",
        &[("first quarter 1987", "1987-Q1")],
    ),
    (
        "1987-04-17",
        "1 billion dlrs in the third quarter of 1986, it said.",
        &[("third quarter of 1986", "1986-Q3")],
    ),
    (
        "1987-03-20",
        "II said it declared a first-quarter 1987 cash distribution of 21 cts a depositary unit, up five pct from the prior quarter.",
        &[
            ("first-quarter 1987", "1987-Q1"),
            ("the prior quarter", "1986-Q4"),
        ],
    ),
    (
        "1987-10-19",
        "Nutrasweet sales have been falling since the fourth quarter of 1986 when medical studies raised questions about its possible side effects, such as migraine headaches.",
        &[("fourth quarter of 1986", "1986-Q4")],
    ),
    // fiscal quarters and years
    (
        "1987-03-18",
        "Craftmatic/Contour Industries Inc said it would report substantial profits for the first quarter of fiscal 1987 ending March 31.",
        &[("first quarter of fiscal 1987", "FY1987-Q1")],
    ),
    (
        "1987-03-16",
        "Robert Lamp, Consul's chief financial officer, said the company needs to have at least 90 pct of the bonds exchanged in the transaction to report a profit in the first quarter of fiscal 1988.",
        &[("first quarter of fiscal 1988", "FY1988-Q1")],
    ),
    (
        "1987-03-16",
        "Cambridge recorded a profit of 2,204 dlrs on revenues of 847,000 dlrs for the first quarter of fiscal 1986, the company said.",
        &[("first quarter of fiscal 1986", "FY1986-Q1")],
    ),
    (
        "1987-03-13",
        "Davis Water and Waste Industries Inc said it has restated its earnings on a pre- stock split basis for fiscal 1987's third quarter and nine months ended January 31, which were reported March 10 on a post four-for-three stock split basis.",
        &[
            ("fiscal 1987's third quarter", "FY1987-Q3"),
            ("March 10", "1987-03-10"),
        ],
    ),
    (
        "1987-06-19",
        "May Department Stores Co said it expects record profits and sales in the fiscal 1988 and also set a five-year 3.",
        &[("fiscal 1988", "FY1988")],
    ),
    (
        "1987-06-01",
        "It said the units being sold lost 28 cts per share in the first nine months of fiscal 1987 and 12 cts in all of fiscal 1986.",
        &[("fiscal 1987", "FY1987"), ("fiscal 1986", "FY1986")],
    ),
    (
        "1987-04-13",
        "The additional guarantees increase the cumulative fiscal year 1987 program for sales of U.",
        &[("fiscal year 1987", "FY1987")],
    ),
    (
        "1987-03-17",
        "Gray said his plan would call for a freeze in spending on each individual federal program at fiscal 1987 levels.",
        &[("fiscal 1987", "FY1987")],
    ),
    (
        "1987-03-13",
        "The appeal came as the Senate Budget Committee made plans to start drafting next Tuesday a fiscal 1988 budget plan that Democrats controlling Congress hope to get through both chambers by April 15.",
        &[
            ("next Tuesday", "1987-03-17"),
            ("fiscal 1988", "FY1988"),
            ("April 15", "1987-04-15"),
        ],
    ),
    (
        "1987-03-24",
        "In the Paris currency accord Japan promised a package of economic measures, after the fiscal 1987 budget was passed, to boost domestic demand, increase imports, and thus reduce its trade surplus.",
        &[("fiscal 1987", "FY1987")],
    ),
    (
        "1987-03-17",
        "In fiscal 1986, Allegheny reported earnings from continuing operations of 8.",
        &[("fiscal 1986", "FY1986")],
    ),
    (
        "1987-04-07",
        "The company said it expects earnings for fiscal 1987, ending June 30, to rise more than 75 pct over a year ago.",
        &[("fiscal 1987", "FY1987")],
    ),
    (
        "1987-03-27",
        "2 mln dlrs in fiscal 1986 and an operating loss of 381,000 dlrs.",
        &[("fiscal 1986", "FY1986")],
    ),
    (
        "1987-03-12",
        "By contrast, Rudolph Penner, Director of the Congressional Budget Office, said the budget process has broken down and the deficit will remain close to 200 billion dlrs for fiscal 1987.",
        &[("fiscal 1987", "FY1987")],
    ),
    (
        "1987-10-19",
        "Wang Laboratories Inc expects revenues for the year ending June 30, 1988, to increase 12 to 15 pct over fiscal 1987 to 3.",
        &[("June 30, 1988", "1988-06-30"), ("fiscal 1987", "FY1987")],
    ),
    (
        "1987-03-18",
        "The independent institute said in its quarterly March issue that it was also revising its fiscal 1987 real gross domestic product (GDP) forecast to a fall of 0.",
        &[("fiscal 1987", "FY1987")],
    ),
    (
        "1987-03-25",
        "Varity earlier reported a loss for fiscal 1986 ended January 31 of 23.",
        &[("fiscal 1986", "FY1986")],
    ),
    (
        "1987-03-12",
        "\"Another four billion dlrs was cut by what I call creative timing changes, like moving the military payday from the last day of fiscal 1987 to the first day of fiscal 1988.",
        &[("fiscal 1987", "FY1987"), ("fiscal 1988", "FY1988")],
    ),
    (
        "1987-04-07",
        "A senior official of the Japanese ruling Liberal Democratic Party said earlier today the party has drawn up the outline of a reflationary economic package including a 5,000 billion yen supplementary budget for fiscal 1987.",
        &[("fiscal 1987", "FY1987")],
    ),
    // halves
    (
        "1987-06-29",
        "General Motors Corp's German subsidiary Adam Opel AG had a first half profit after three years of losses, the trade paper Automotive News said.",
        &[("first half", "1987-H1")],
    ),
    (
        "1987-10-19",
        "The new mine, which is being developed at Mahd adh Dhahab in the west of the country and should open in the first half of 1988, would have an annual output of about 3,000 kilos of gold smelted from around 120,000 tons of ore, he said.",
        &[("first half of 1988", "1988-H1")],
    ),
    (
        "1987-04-01",
        "To 120,000 tonnes in the first half of 1987 from about 260,000 tonnes in the first half of 1986, a Taiwan Steel and Iron Association official said.",
        &[
            ("first half of 1987", "1987-H1"),
            ("first half of 1986", "1986-H1"),
        ],
    ),
    (
        "1987-06-29",
        "Norway relies on oil for about 40 pct of its total export earnings and was hit hard by the collapse in the oil price during the first half of 1986.",
        &[("first half of 1986", "1986-H1")],
    ),
    (
        "1987-03-26",
        "The price of gold bullion is likely to rise in the second half of the year on increased private investor demand, West German analysts said.",
        &[("second half of the year", "1987-H2")],
    ),
    (
        "1987-04-27",
        "Oil prices have stabilized in world markets and demand is likely to increase in the second half of the year, Indonesia's Mines and Energy Minister Subroto said.",
        &[("second half of the year", "1987-H2")],
    ),
    (
        "1987-06-02",
        "He declined to name the companies but said a deal could occur as soon as the second half of 1987.",
        &[("second half of 1987", "1987-H2")],
    ),
    (
        "1987-03-16",
        "\"Although earnings will be poor for the next two quarters, we believe that profits could begin to improve in the second half - perhaps significantly - and should surge sharply through 1988 and 1989,\" he said.",
        &[
            ("second half", "1987-H2"),
            ("1988", "1988"),
            ("1989", "1989"),
        ],
    ),
    (
        "1987-06-18",
        "OPEC also decided to limit first-half 1987 output to 15.",
        &[("first-half 1987", "1987-H1")],
    ),
    (
        "1987-03-31",
        "VLI Corp said it is in the final planning stages for the introduction of a line of condoms that it would introduce in the second half.",
        &[("second half", "1987-H2")],
    ),
    (
        "1987-06-29",
        "The new store is expected to be completed and open for business in the second half of 1988.",
        &[("second half of 1988", "1988-H2")],
    ),
    (
        "1987-06-19",
        "The poor net was mainly due to a fall to 45 mln yen in extraordinary profit in the first half, against 7.",
        &[("first half", "1987-H1")],
    ),
    (
        "1987-03-25",
        "Public Credit Director Mauricio Cabrera said Colombia plans to launch a foreign bond issue in the second half of 1987, possibly for 60 mln dlrs.",
        &[("second half of 1987", "1987-H2")],
    ),
    (
        "1987-03-12",
        "A member of the board which regulates the Farm Credit System predicted the troubled farm lender may lose about 900 mln dlrs in the first half of 1987, hastening the need for a federal rescue this year.",
        &[("first half of 1987", "1987-H1"), ("this year", "1987")],
    ),
    // half of a month is the month
    (
        "1987-03-27",
        "The bank said major increases in foreign reserves were recorded in January, February and the first half of March 1987.",
        &[("March 1987", "1987-03")],
    ),
    (
        "1987-03-18",
        "I still presume that it will take place in the second half of March.",
        &[("March", "1987-03")],
    ),
    // the reporting quarter, quarters named from publication
    (
        "1987-04-21",
        "The company said loan sales were 755 mln dlrs in the latest quarter compared with 1.",
        &[("the latest quarter", "1987-Q1")],
    ),
    (
        "1987-10-20",
        "Non-interest expenses in the latest quarter rose to 571.",
        &[("the latest quarter", "1987-Q3")],
    ),
    (
        "1987-04-13",
        "It said proxy materials are expected to be maioled this quarter.",
        &[("this quarter", "1987-Q2")],
    ),
    (
        "1987-04-08",
        "5 pct in the quarter ended March 31 and fall to about eight pct within a year, they said.",
        &[("the quarter", "1987-Q1"), ("March 31", "1987-03-31")],
    ),
    (
        "1987-03-09",
        "42 billion in the quarter end September 30, revised from 33.",
        &[("the quarter", "1986-Q3")],
    ),
    (
        "1987-03-05",
        "Retail sales in the quarter ended December 31 fell a seasonally adjusted 13.",
        &[("the quarter", "1986-Q4"), ("December 31", "1986-12-31")],
    ),
    (
        "1987-06-01",
        "For the quarter ended March 31, the Post had an average Sunday circulation of 556,620.",
        &[("the quarter", "1987-Q1")],
    ),
    (
        "1987-03-13",
        "Revenues in the quarter ended March five increased to about 20.",
        &[("the quarter", "1987-Q1")],
    ),
    (
        "1987-10-19",
        "The provision for loan losses in the quarter was 20 mln dlrs, down from 70 mln a year earlier.",
        &[("the quarter", "1987-Q3"), ("a year earlier", "1986-Q3")],
    ),
    (
        "1987-04-21",
        "Loan losses fell in the quarter to 22 mln dlrs, versus 40 mln dlrs a year ago while taxable net interest income remained flat at 266 mln dlrs, the bank said.",
        &[("the quarter", "1987-Q1")],
    ),
    (
        "1987-03-17",
        "2 point contribution of foreign trade to GNP last quarter, falling exports knocked off 0.",
        &[("last quarter", "1986-Q4")],
    ),
    (
        "1987-04-01",
        "Live hogs were pressured early by the Agriculture Department's report Tuesday that producers expanded their breeding herds more than the market expected last quarter.",
        &[("last quarter", "1987-Q1"), ("Tuesday", "1987-03-31")],
    ),
    // the same period a year before
    (
        "1987-04-28",
        "In the first quarter, liquids production averaged 8,525 barrels daily, down from 11,233 barrels a day in the year earlier quarter.",
        &[
            ("first quarter", "1987-Q1"),
            ("year earlier quarter", "1986-Q1"),
        ],
    ),
    (
        "1987-04-08",
        "18 dlrs per share for the same quarter a year ago.",
        &[("same quarter a year ago", "1986-Q1")],
    ),
    (
        "1987-04-07",
        "8 pct in the year-earlier quarter, the Statistics Department said.",
        &[("year-earlier quarter", "1986-Q1")],
    ),
    (
        "1987-06-29",
        "Earlier the cosmetics company posted first-quarter net of 139,000 or four cts a share versus a loss in the year-ago period of 799,000 or 22 cts a share.",
        &[("first-quarter", "1987-Q1"), ("year-ago period", "1986-Q1")],
    ),
    (
        "1987-04-09",
        "6 mln dlrs or 80 cts a share in the year-ago period.",
        &[("year-ago period", "1986-Q1")],
    ),
    (
        "1987-03-04",
        "7 pct to 6,627 from 12,194 cars in the comparable period of 1986, Volkswagen said.",
        &[("1986", "1986")],
    ),
    (
        "1987-10-19",
        "3 pct in the first nine months of this year against the same period of 1986.",
        &[("this year", "1987"), ("1986", "1986")],
    ),
    (
        "1987-04-03",
        "Silver mining production in the 12-month period Jan-Dec, 1986 totaled 31,720,769 ounces, vs 39,357,197 ounces produced over the same period in 1985.",
        &[("1985", "1985")],
    ),
    // the year of the report: the current one, the one just ended in a report of its results, or the one a named month ends
    (
        "1987-03-02",
        "Hutchison Whampoa Ltd <HWHH.HK> expects satisfactory profits in 1987 and will pay a higher dividend for the year, chairman Li Ka-shing said.",
        &[("the year", "1987")],
    ),
    (
        "1987-03-24",
        "For the year ended December 31, 1986, Triangle reported sales of 2.7 billion dlrs and net income of 47.6 mln dlrs.",
        &[("the year", "1986"), ("December 31, 1986", "1986-12-31")],
    ),
    (
        "1987-06-18",
        "In his mini-budget on May 13, Keating said the budget deficit for the year ending June 1988 would be between two and three billion dlrs.",
        &[("the year", "1988"), ("June 1988", "1988-06")],
    ),
    (
        "1987-06-01",
        "Expediters International of Washington Inc president John Kaiser told securities analysts business in the current quarter is good and he is looking for good results for the year.",
        &[("the current quarter", "1987-Q2"), ("the year", "1987")],
    ),
    (
        "1987-04-13",
        "Finance Minister Roger Douglas said eight bond tenders of 250 mln dlrs each are planned for the year ending March 1988.",
        &[("the year", "1988")],
    ),
    (
        "1987-03-04",
        "For the year, however, the diversified holding company reported a net profit of 43.9 mln dlrs, or 56 cts a share, versus 46.4 mln dlrs, or 56 cts a share, in 1985.",
        &[("the year", "1986"), ("1985", "1985")],
    ),
    (
        "1987-06-01",
        "Wang took the company public in 1981, and since then he has bought 15 companies and boosted annual sales from 18.5 mln to 309.3 mln dlrs for the year ended March 31.",
        &[("the year", "1987"), ("March 31", "1987-03-31")],
    ),
    (
        "1987-10-20",
        "For the year, International Game said it would report a profit of one mln dlrs to 1.1 mln dlrs, or 17 cts to 19 cents a share, on revenues of between 82 mln dlrs and 84 mln dlrs.",
        &[("the year", "1987")],
    ),
    (
        "1987-04-13",
        "It said its outlook for the year remains unchanged.",
        &[("the year", "1987")],
    ),
    (
        "1987-03-17",
        "Same-store sales declined 3.2 pct for the quarter and 2.2 pct for the year.",
        &[("the quarter", "1986-Q4"), ("the year", "1986")],
    ),
    (
        "1987-04-13",
        "It said Western Ranchman had sales for the year ended Jan 31, 1987 of about 2.2 mln dlrs.",
        &[("the year", "1987")],
    ),
    (
        "1987-03-24",
        "For the year, it reported a 10 mln dlr loss, compared with a loss of 167.1 mln dlrs in 1985.",
        &[("the year", "1986"), ("1985", "1985")],
    ),
    (
        "1987-03-31",
        "Jewelmasters sales sales for the year just ended were about 52.5 mln dlrs.",
        &[("the year", "1986")],
    ),
    (
        "1987-04-01",
        "If Brazil, which suspended interest payments on its term debt on February 20, continues to defer interest payments for the rest of the year, net income for the whole of 1987 would be reduced by a total of 72 mln dlrs.",
        &[("the rest of the year", "1987")],
    ),
    (
        "1987-03-11",
        "Dollar prices for its exports as the year progresses.",
        &[("the year", "1987")],
    ),
    (
        "1987-04-13",
        "They saw exports falling by a real 2-1/2 pct in 1987 and predicted no marked improvement in the course of the year.",
        &[("the year", "1987")],
    ),
    // year end, the end of the year, month or week
    (
        "1987-03-30",
        "The GSA issued a request for proposals in January, with responses due in June and selection of a contractor scheduled by year end.",
        &[("year end", "1987")],
    ),
    (
        "1987-03-11",
        "Total natural gas reserves fell to 4.82 trillion cubic feet at year-end 1986 from 5.18 trillion at the end of 1985.",
        &[("year-end 1986", "1986"), ("1985", "1985")],
    ),
    (
        "1987-03-05",
        "Viner and Co had regulatory capital of 24.5 mln U.S. dlrs at year-end 1986.",
        &[("year-end 1986", "1986")],
    ),
    (
        "1987-03-17",
        "Intercontinental had year-end assets of about 487 mln dlrs.",
        &[("year-end", "1986")],
    ),
    (
        "1987-03-12",
        "Boliden said the company's liquid assets were 1.36 billion crowns at year-end which together with an investment portfolio of 1.60 billion made it one of the most liquid Swedish companies.",
        &[("year-end", "1986")],
    ),
    (
        "1987-10-19",
        "The company said the repurchases would not affect the company's ability to pay down 300 mln dlrs in outstanding debt and preferred stock by year-end.",
        &[("year-end", "1987")],
    ),
    (
        "1987-03-09",
        "The World Bank intends to bring borrowing forward into the first half of 1987 because it expects global interest rates to rise by year end, World Bank vice president and treasurer Eugene Rotberg said.",
        &[("first half of 1987", "1987-H1"), ("year end", "1987")],
    ),
    (
        "1987-03-05",
        "The company's cash and equivalents fell to 299 mln dlrs at year end from 430 mln dlrs at year end 1985, after a net decrease of 131 mln dlrs during 1986.",
        &[
            ("year end", "1986"),
            ("year end 1985", "1985"),
            ("1986", "1986"),
        ],
    ),
    (
        "1987-04-09",
        "The Philippines will import 250,000 bags of cement worth 375,000 dlrs from Indonesia by the end of the month to meet growing demand from the construction sector, Trade and Industry Secretary Jose Concepcion said.",
        &[("the end of the month", "1987-04")],
    ),
    (
        "1987-03-04",
        "The consortium could be operating by the end of the year, and the facility working in 18 months, he said.",
        &[("the end of the year", "1987")],
    ),
    (
        "1987-04-09",
        "It said details of the plan will be announced by the end of the week.",
        &[("the end of the week", "1987-W15")],
    ),
    (
        "1987-03-23",
        "The federal government took up nearly 10 billion marks of the fourth quarter 1986 figures, and also drew on two billion marks of Bundesbank advances at the end of the year, when it had not required such a credit in the 1985 quarter.",
        &[
            ("fourth quarter 1986", "1986-Q4"),
            ("the end of the year", "1986"),
        ],
    ),
    // fiscal years named from publication or by the month they end or begin in
    (
        "1987-03-16",
        "The acquisition cost is obviously higher than the market price, whatever it may be, these banks must realize losses in the current fiscal year.",
        &[("the current fiscal year", "FY1987")],
    ),
    (
        "1987-06-02",
        "Gulf and Western Inc chairman Martin Davis said the company will report record results for the current fiscal year.",
        &[("the current fiscal year", "FY1987")],
    ),
    (
        "1987-03-12",
        "Despite its cost-cutting, MHI expects profits to drop 40 pct to 30 billion yen in the current fiscal year ending March 31, from 1985/86's record 50.14 billion.",
        &[
            ("the current fiscal year", "FY1987"),
            ("March 31", "1987-03-31"),
        ],
    ),
    (
        "1987-03-17",
        "Although Robinson would not make a specific earnings forecast, he said \"We expect to regain our earnings momentum in the second half of the current fiscal year, ending October 31.\" Perry Drug earned 13 cts a share in its first quarter this year.",
        &[
            ("the current fiscal year", "FY1987"),
            ("October 31", "1987-10-31"),
        ],
    ),
    (
        "1987-03-16",
        "The commodities will be supplied in the current fiscal year, ending September 30, and sales will be by private U.S. traders on a competitive bid basis.",
        &[
            ("the current fiscal year", "FY1987"),
            ("September 30", "1987-09-30"),
        ],
    ),
    (
        "1987-06-19",
        "Industry analysts expected little adverse effect from interrupted spot supplies on Brooklyn Union's earnings for its current fiscal year ending September 30.",
        &[
            ("current fiscal year", "FY1987"),
            ("September 30", "1987-09-30"),
        ],
    ),
    (
        "1987-06-02",
        "Nuclear Data Inc said its auditors, Ernst and Whinney, quaified their opinion on its financial statements for the fiscal year ended February 28.",
        &[("the fiscal year", "FY1987"), ("February 28", "1987-02-28")],
    ),
    (
        "1987-03-20",
        "Endotronics Inc, halted at 1-3/4 on NASDAQ pending release of a news report, on Monday said it was expecting \"substantial losses\" for the quarter ending March 31, 1987 and the fiscal year ending Sept 30, 1987.",
        &[
            ("the fiscal year", "FY1987"),
            ("Sept 30, 1987", "1987-09-30"),
        ],
    ),
    (
        "1987-04-13",
        "Lewis-Westco had sales of more than 45 mln dlrs for its fiscal year ended June 30, Gen Term also said.",
        &[("its fiscal year", "FY1986"), ("June 30", "1986-06-30")],
    ),
    (
        "1987-04-21",
        "Coal was Australia's largest single export in the fiscal year ended June 30, 1986 with shipments reaching 90.49 mln tonnes worth 5.21 billion dlrs, or 15.9 pct of total exports.",
        &[("the fiscal year", "FY1986")],
    ),
    (
        "1987-03-27",
        "Mars Store Inc said it expects to report a loss of about 800,000 dlrs for the fourth quarter and about 1.1 mln dlrs for the fiscal year ended January 31.",
        &[
            ("fourth quarter", "1986-Q4"),
            ("the fiscal year", "FY1987"),
            ("January 31", "1987-01-31"),
        ],
    ),
    (
        "1987-03-11",
        "The payments, used by poorer provinces to fund various public services, will rise to 5.6 billion dlrs next year from 5.3 billion dlrs in the fiscal year ending March 31, 1987.",
        &[("next year", "1988"), ("the fiscal year", "FY1987")],
    ),
    (
        "1987-04-08",
        "The House of Representatives is expected to vote tomorrow to approve a trillion-dollar budget blueprint for the coming fiscal year that reduces the deficit by 38 billion dlrs.",
        &[
            ("tomorrow", "1987-04-09"),
            ("the coming fiscal year", "FY1988"),
        ],
    ),
    (
        "1987-06-19",
        "Federal Co said its fiscal year ended May 30 will be a record year with net income almost double that of the previous fiscal year.",
        &[
            ("its fiscal year", "FY1987"),
            ("May 30", "1987-05-30"),
            ("the previous fiscal year", "FY1986"),
        ],
    ),
    (
        "1987-10-19",
        "Headquartered in Somerset, N.J., PMS reported over 70 mln dlrs in revenues in its last fiscal year, which ended May 1987.",
        &[("last fiscal year", "FY1987"), ("May 1987", "1987-05")],
    ),
    (
        "1987-06-02",
        "In its last fiscal year ending October 31, the company earned 228.7 mln dlrs, or 3.66 dlrs a share, on revenues of 2.093 billion dlrs.",
        &[("last fiscal year", "FY1986"), ("October 31", "1986-10-31")],
    ),
    (
        "1987-03-11",
        "Chi-Chi's said it believes the disposition of the restaurants has the potential of increasing its pretax earnings by about two mln dlrs next fiscal year.",
        &[("next fiscal year", "FY1988")],
    ),
    (
        "1987-03-02",
        "Caremark Inc said it is changing its fiscal year-end to a calendar year from the previous fiscal year ending June 30.",
        &[
            ("the previous fiscal year", "FY1986"),
            ("June 30", "1986-06-30"),
        ],
    ),
    (
        "1987-03-16",
        "The senior bank official said he expects Japan's gross national product (GNP) to grow three pct or slightly more in the fiscal year beginning in April.",
        &[("the fiscal year", "FY1988"), ("April", "1987-04")],
    ),
    // midnight, last night, overnight and parts of a day
    (
        "1987-04-03",
        "Unions are planning a week of state-wide strikes in New South Wales, starting midnight next Tuesday, to protest against a state move to cut workers' compensation.",
        &[
            ("midnight", "1987-04-07T24:00:00"),
            ("next Tuesday", "1987-04-07"),
        ],
    ),
    (
        "1987-04-09",
        "Agriculture Department announced the prevailing world market price, adjusted to U.S. quality and location, for Strict Low Middling, 1-1/16 inch upland cotton at 50.57 cts per lb, to be in effect through midnight April 16.",
        &[("midnight", "1987-04-16T24:00:00")],
    ),
    (
        "1987-03-25",
        "Enserch's stock closed at 22-1/2 last night on the New York Stock Exchange.",
        &[("last night", "1987-03-24TNI")],
    ),
    (
        "1987-03-17",
        "Finance minister Qahtan Seyoufi told parliament last night the reduction was due mainly to a cut in investment allocations.",
        &[("last night", "1987-03-16TNI")],
    ),
    (
        "1987-03-18",
        "Iraq said its warplanes hit two ships off the Iranian coast in attacks last night and early today.",
        &[("last night", "1987-03-17TNI"), ("today", "1987-03-18")],
    ),
    (
        "1987-10-19",
        "The official, who declined to be identified, told reporters the 7.3 pct drop in Tokyo stock prices this morning was caused primarily by psychological factors following the 22.5 pct fall in New York stock prices overnight.",
        &[
            ("this morning", "1987-10-19TMO"),
            ("overnight", "1987-10-18TNI"),
        ],
    ),
    (
        "1987-03-27",
        "Other dealers also reported small-scale intervention to stabilise the dollar after aggressive selling overnight in Tokyo, where the Bank of Japan also intervened again.",
        &[("overnight", "1987-03-26TNI")],
    ),
    (
        "1987-04-07",
        "The stage for the dollar's decline was set overnight in the Far East where the U.S. currency retreated despite steady intervention on its behalf by the Bank of Japan.",
        &[("overnight", "1987-04-06TNI")],
    ),
    (
        "1987-04-27",
        "Some dealers noted talk that the Bundesbank intervened here directly buying dollars against marks, after reports that it intervened through the Bank of Japan in the morning.",
        &[("the morning", "1987-04-27TMO")],
    ),
    (
        "1987-03-23",
        "A high command communique said warplanes hit the western jetty at Iran's Kharg island oil terminal in the afternoon and struck a supertanker nearby at the same time.",
        &[("the afternoon", "1987-03-23TAF")],
    ),
    (
        "1987-03-25",
        "The central bank started to intervene shortly after the market opened here in the afternoon, the dealers said.",
        &[("the afternoon", "1987-03-25TAF")],
    ),
    // seasons without a year
    (
        "1987-03-02",
        "Penney Co Inc <JCP> selected the Tandem NonStop computer system for a new interactive home shopping system scheduled to go into operation during the summer.",
        &[("the summer", "1987-SU")],
    ),
    (
        "1987-03-23",
        "Hahn said VW hoped to sign a contract with Ford Motor Co <F.N> in the summer on the planned joint venture between the two companies' loss-making operations in Argentina and Brazil.",
        &[("the summer", "1987-SU")],
    ),
    (
        "1987-03-12",
        "Chairman of the FCA board, Frank Naylor, urged that Congress begin to consider legislation rescuing the system by Easter and that a bill be completed by the fall.",
        &[("Easter", "1987-04-19"), ("the fall", "1987-FA")],
    ),
    (
        "1987-06-19",
        "Kohl said the government intends to decide by the autumn how to raise around 19 billion marks still needed to finance the tax reform.",
        &[("the autumn", "1987-FA")],
    ),
];

/// Sentences where no period may be found (`the fourth quarter` of a game, a
/// quarter of something, `the same period` with no year to say which).
const NONE: &[(&str, &str, &str)] = &[
    (
        "1987-06-19",
        "The federal government increased taxes paid by corporations by about five billion dlrs over the next five years, but lowered personal taxes by 11 billion dlrs in the same period.",
        "same period",
    ),
    (
        "1987-03-02",
        "During the same period imports of agricultural products dropped 13.",
        "same period",
    ),
    (
        "2005-02-14",
        "Arsenal scored twice in the second half to beat Crystal Palace at Highbury.",
        "second half",
    ),
    (
        "2005-01-20",
        "The Lakers led by 12 points going into the fourth quarter before the Celtics came back.",
        "fourth quarter",
    ),
    (
        "1987-03-10",
        "About a quarter of the shares were sold, the company said.",
        "quarter",
    ),
    (
        "2005-03-01",
        "The match was level at half-time but the home side dominated the second half.",
        "second half",
    ),
    (
        "1987-03-31",
        "One or two large West German banks effectively drained the domestic money market of liquidity at the end of the month in order to achieve higher rates from their overnight deposits, money dealers said.",
        "overnight",
    ),
    (
        "1987-04-01",
        "The overnight rate, however, fell to 3-1/2 to three pct from 4-1/2 to four because of increased liquidity for a local stock issue.",
        "overnight",
    ),
    (
        "1987-03-03",
        "The Bank of England said it had provided the money market with a further 437 mln stg assistance in the afternoon session.",
        "afternoon",
    ),
    (
        "1987-03-24",
        "Indonesia, hurt by the fall in oil prices last year which cut the value of its crude exports in half, is the Third World's sixth largest debtor.",
        "fall",
    ),
    (
        "1987-10-20",
        "The company recently changed its fiscal year end to December 31 from June 30.",
        "fiscal year",
    ),
];

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

#[test]
fn business_periods_take_timeml_values() {
    let mut expressions = 0;
    let mut wrong = Vec::new();
    for (published, text, expected) in CASES {
        let found = timeml_dates(text, date(published));
        for (expression, value) in *expected {
            expressions += 1;
            let at = text
                .find(expression)
                .expect("the expression is in its sentence");
            let span = at..at + expression.len();
            let hit: Vec<&str> = found
                .iter()
                .filter(|d| d.start < span.end && span.start < d.end)
                .map(|d| d.value.as_str())
                .collect();
            if !hit.contains(value) {
                wrong.push(format!(
                    "{published} {expression:?}: want {value}, got {hit:?} in {text:?}"
                ));
            }
        }
    }
    assert!(expressions >= 100, "{expressions} expressions");
    assert!(
        wrong.is_empty(),
        "{} of {expressions} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn games_shares_and_rates_are_no_periods() {
    for (published, text, expression) in NONE {
        let found = timeml_dates(text, date(published));
        let at = text
            .find(expression)
            .expect("the expression is in its sentence");
        let span = at..at + expression.len();
        let hit: Vec<_> = found
            .iter()
            .filter(|d| d.start < span.end && span.start < d.end)
            .collect();
        assert!(hit.is_empty(), "{text:?}: {hit:?}");
    }
}
