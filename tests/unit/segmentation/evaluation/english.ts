/**
 * English evaluation cases, written for Redline. Compared after trimming and
 * collapsing whitespace, so a sentence wrapped over two lines is expected
 * with a space where the newline was.
 */
import { sentencesOf as c, type EvaluationCase } from './case';

export const ENGLISH_CASES: EvaluationCase[] = [
  // Plain terminators.
  c('terminators', 'The ferry left at dawn. Nobody waved.', 'The ferry left at dawn.', 'Nobody waved.'),
  c('terminators', 'Is the bridge open? The sign says no.', 'Is the bridge open?', 'The sign says no.'),
  c('terminators', 'Stop right there! Put the box down.', 'Stop right there!', 'Put the box down.'),
  c('terminators', 'Really?! That cannot be true.', 'Really?!', 'That cannot be true.'),
  c('terminators', 'No way!!! We won the cup.', 'No way!!!', 'We won the cup.'),
  c('terminators', 'It rained.   Then it snowed.  Then it stopped.', 'It rained.', 'Then it snowed.', 'Then it stopped.'),
  c('terminators', 'We waited for hours', 'We waited for hours'),
  c('terminators', 'Why not?', 'Why not?'),
  c('terminators', 'Seriously?? Who told you that?', 'Seriously??', 'Who told you that?'),

  // Titles before a name never end a sentence.
  c('titles', 'Mrs. Okafor chaired the meeting.', 'Mrs. Okafor chaired the meeting.'),
  c('titles', 'The report was signed by Gen. Harlow and Lt. Brandt.', 'The report was signed by Gen. Harlow and Lt. Brandt.'),
  c('titles', 'We asked Prof. Ivanova about it. She laughed.', 'We asked Prof. Ivanova about it.', 'She laughed.'),
  c('titles', 'Sen. Whitfield and Rep. Ocasio spoke first.', 'Sen. Whitfield and Rep. Ocasio spoke first.'),
  c('titles', 'Sgt. Pepper is a fictional band leader.', 'Sgt. Pepper is a fictional band leader.'),
  c('titles', 'Gov. Landry signed the bill on Monday.', 'Gov. Landry signed the bill on Monday.'),
  c('titles', 'They climbed Mt. Kenya last spring.', 'They climbed Mt. Kenya last spring.'),
  c('titles', 'The service was led by Rev. Thomas Adeyemi.', 'The service was led by Rev. Thomas Adeyemi.'),
  c('titles', 'Capt. Moreau radioed the tower. It did not answer.', 'Capt. Moreau radioed the tower.', 'It did not answer.'),
  c('titles', 'Dr. Patel met Ms. Lindqvist at St. Anne’s Hospital.', 'Dr. Patel met Ms. Lindqvist at St. Anne’s Hospital.'),
  c('titles', 'Messrs. Cole and Vance have left the firm.', 'Messrs. Cole and Vance have left the firm.'),
  c('titles', 'Supt. Grady refused to comment. The inquiry goes on.', 'Supt. Grady refused to comment.', 'The inquiry goes on.'),

  // Abbreviations that may end a sentence.
  c(
    'sentence-final abbreviations',
    'The shares went to Halden & Sons Ltd. They were sold in May.',
    'The shares went to Halden & Sons Ltd.',
    'They were sold in May.',
  ),
  c(
    'sentence-final abbreviations',
    'She bought pens, paper, ink, etc. Her bag was full.',
    'She bought pens, paper, ink, etc.',
    'Her bag was full.',
  ),
  c('sentence-final abbreviations', 'Bring chairs, tables etc. to the hall.', 'Bring chairs, tables etc. to the hall.'),
  c(
    'sentence-final abbreviations',
    'The deal was signed by Orbis Corp. and two banks.',
    'The deal was signed by Orbis Corp. and two banks.',
  ),
  c(
    'sentence-final abbreviations',
    'The founder was Martin Luther King Jr. He died in 1968.',
    'The founder was Martin Luther King Jr.',
    'He died in 1968.',
  ),
  c('sentence-final abbreviations', 'The office is on Fifth Ave. It opens at nine.', 'The office is on Fifth Ave.', 'It opens at nine.'),
  c('sentence-final abbreviations', 'Talks resume on Jan. 14 in Geneva.', 'Talks resume on Jan. 14 in Geneva.'),
  c('sentence-final abbreviations', 'They met on a Tue. afternoon.', 'They met on a Tue. afternoon.'),
  c('sentence-final abbreviations', 'We invited Nina and co. They never came.', 'We invited Nina and co.', 'They never came.'),
  c('sentence-final abbreviations', 'Vantor Inc. reported a loss. Its shares fell.', 'Vantor Inc. reported a loss.', 'Its shares fell.'),
  c('sentence-final abbreviations', 'The Warner Bros. studio is closed today.', 'The Warner Bros. studio is closed today.'),
  c('sentence-final abbreviations', 'The Smith & Co. Building stands on the corner.', 'The Smith & Co. Building stands on the corner.'),

  // Dotted abbreviations.
  c('dotted abbreviations', 'She studied in the U.K. for two years.', 'She studied in the U.K. for two years.'),
  c('dotted abbreviations', 'He moved back to the U.S. Nobody was surprised.', 'He moved back to the U.S.', 'Nobody was surprised.'),
  c('dotted abbreviations', 'The U.N. Security Council met at noon.', 'The U.N. Security Council met at noon.'),
  c(
    'dotted abbreviations',
    'Prices are lower in the E.U. Some say that will change.',
    'Prices are lower in the E.U.',
    'Some say that will change.',
  ),
  c('dotted abbreviations', 'She holds a Ph.D. in chemistry.', 'She holds a Ph.D. in chemistry.'),
  c('dotted abbreviations', 'He earned an M.A. Then he taught for ten years.', 'He earned an M.A.', 'Then he taught for ten years.'),
  c('dotted abbreviations', 'Most fruits, e.g. apples and pears, keep well.', 'Most fruits, e.g. apples and pears, keep well.'),
  c('dotted abbreviations', 'Use the short form, i.e. Redline, in titles.', 'Use the short form, i.e. Redline, in titles.'),
  c('dotted abbreviations', 'Send the form to P.O. Box 1120 before Friday.', 'Send the form to P.O. Box 1120 before Friday.'),
  c('dotted abbreviations', 'The war ended in the U.S.S.R. Many celebrated.', 'The war ended in the U.S.S.R.', 'Many celebrated.'),
  c('dotted abbreviations', 'The U.S. economy grew. Thousands found work.', 'The U.S. economy grew.', 'Thousands found work.'),
  c(
    'dotted abbreviations',
    'Exports rose across the U.S. Hundreds of firms hired staff.',
    'Exports rose across the U.S.',
    'Hundreds of firms hired staff.',
  ),
  c('dotted abbreviations', 'He served in the U.S. Navy for a decade.', 'He served in the U.S. Navy for a decade.'),
  c(
    'dotted abbreviations',
    'The capital is Washington, D.C. It is on the Potomac.',
    'The capital is Washington, D.C.',
    'It is on the Potomac.',
  ),
  c('dotted abbreviations', 'They flew to the U.A.E. Afterwards they rested.', 'They flew to the U.A.E.', 'Afterwards they rested.'),

  // Times of day.
  c('times', 'The shop opens at 9 a.m. Customers queue early.', 'The shop opens at 9 a.m.', 'Customers queue early.'),
  c('times', 'We landed at 11 P.M. Passengers were tired.', 'We landed at 11 P.M.', 'Passengers were tired.'),
  c('times', 'At 7 a.m. the alarm rang.', 'At 7 a.m. the alarm rang.'),
  c('times', 'The match starts at 8 p.m. Eastern time.', 'The match starts at 8 p.m. Eastern time.'),
  c('times', 'The train leaves at 6.15 p.m. Tickets are sold out.', 'The train leaves at 6.15 p.m.', 'Tickets are sold out.'),
  c('times', 'By 10 a.m. Ms. Hale had left the house.', 'By 10 a.m. Ms. Hale had left the house.'),
  c('times', 'The vote closes at 5 p.m. Friday.', 'The vote closes at 5 p.m. Friday.'),
  c('times', 'Doors open at 10 A.M. Visitors must show a ticket.', 'Doors open at 10 A.M.', 'Visitors must show a ticket.'),

  // Abbreviations that introduce a number.
  c('number abbreviations', 'The quote is on p. 212 of the report.', 'The quote is on p. 212 of the report.'),
  c('number abbreviations', 'See pp. 14–19 for the tables.', 'See pp. 14–19 for the tables.'),
  c('number abbreviations', 'The curve is shown in Fig. 4. It rises steeply.', 'The curve is shown in Fig. 4.', 'It rises steeply.'),
  c('number abbreviations', 'The effect is large (Fig. 2b) and lasting.', 'The effect is large (Fig. 2b) and lasting.'),
  c('number abbreviations', 'Both groups improved (see Figs. 3 and 5).', 'Both groups improved (see Figs. 3 and 5).'),
  c('number abbreviations', 'The price was Rs. 4500 per month.', 'The price was Rs. 4500 per month.'),
  c('number abbreviations', 'He wore No. 9 for the club.', 'He wore No. 9 for the club.'),
  c('number abbreviations', 'The law is in Vol. 3, Ch. 12 of the code.', 'The law is in Vol. 3, Ch. 12 of the code.'),
  c('number abbreviations', 'Apply Eq. 7 to both sides.', 'Apply Eq. 7 to both sides.'),
  c(
    'number abbreviations',
    'The rule is in Art. 5 of the treaty. It was never used.',
    'The rule is in Art. 5 of the treaty.',
    'It was never used.',
  ),
  c('number abbreviations', 'The hall seats approx. 300 people.', 'The hall seats approx. 300 people.'),
  c('number abbreviations', 'The data (Table 2, col. 3) agree.', 'The data (Table 2, col. 3) agree.'),
  c('number abbreviations', 'He said no. Then he walked away.', 'He said no.', 'Then he walked away.'),
  c('number abbreviations', 'SEC. 204 LIMITS ON TRANSFERS.', 'SEC. 204 LIMITS ON TRANSFERS.'),
  c('number abbreviations', 'The fee is paid in Rs. and not in dollars.', 'The fee is paid in Rs. and not in dollars.'),

  // Abbreviations not in any list: citations, units, domain words.
  c(
    'other abbreviations',
    'The method was published earlier (Proc. Natl. Acad. Sci. USA 98: 112).',
    'The method was published earlier (Proc. Natl. Acad. Sci. USA 98: 112).',
  ),
  c('other abbreviations', 'See the review in J. Biol. Chem. for details.', 'See the review in J. Biol. Chem. for details.'),
  c('other abbreviations', 'The result appeared in Phys. Rev. Lett. last year.', 'The result appeared in Phys. Rev. Lett. last year.'),
  c('other abbreviations', 'The Natl. Park Service closed the trail.', 'The Natl. Park Service closed the trail.'),
  c('other abbreviations', 'Min. temperature: 4 degrees.', 'Min. temperature: 4 degrees.'),
  c('other abbreviations', 'Wait 5 min. before you stir.', 'Wait 5 min. before you stir.'),
  c('other abbreviations', 'The Intl. Monetary Fund cut its forecast.', 'The Intl. Monetary Fund cut its forecast.'),
  c('other abbreviations', 'The Dept. of Energy declined to comment.', 'The Dept. of Energy declined to comment.'),
  c(
    'other abbreviations',
    'The office moved to 40 Harbour Blvd. Parking is free.',
    'The office moved to 40 Harbour Blvd.',
    'Parking is free.',
  ),
  c('other abbreviations', 'The approx. cost is unknown.', 'The approx. cost is unknown.'),
  c('other abbreviations', 'She works for the Govt. Printing Office.', 'She works for the Govt. Printing Office.'),
  c('other abbreviations', 'The spring is quiet (cf. Ch. 2). Summer is loud.', 'The spring is quiet (cf. Ch. 2).', 'Summer is loud.'),
  c('other abbreviations', 'Rose et al. found the same effect.', 'Rose et al. found the same effect.'),
  c(
    'other abbreviations',
    'This was confirmed (Okoro et al., 2019). Later studies agreed.',
    'This was confirmed (Okoro et al., 2019).',
    'Later studies agreed.',
  ),
  c('other abbreviations', 'He left the Mfg. Dept. after a year.', 'He left the Mfg. Dept. after a year.'),

  // Initials and one-letter labels.
  c('initials', 'The novel is by E. M. Forster.', 'The novel is by E. M. Forster.'),
  c('initials', 'George C. Marshall gave the speech. It changed Europe.', 'George C. Marshall gave the speech.', 'It changed Europe.'),
  c('initials', 'The prize went to C. S. Lewis and J. R. R. Tolkien.', 'The prize went to C. S. Lewis and J. R. R. Tolkien.'),
  c('initials', 'Q. Where were you that night? A. At home.', 'Q. Where were you that night?', 'A. At home.'),
  c('initials', 'She picked plan B. The others agreed.', 'She picked plan B.', 'The others agreed.'),
  c('initials', 'They visited Louis XIV. Then they left Versailles.', 'They visited Louis XIV.', 'Then they left Versailles.'),
  c('initials', 'The deal was led by J.P. Morgan in 1901.', 'The deal was led by J.P. Morgan in 1901.'),
  c('initials', 'I met him, and he thanked me. Then I left.', 'I met him, and he thanked me.', 'Then I left.'),

  // Numbers.
  c('numbers', 'Inflation fell to 2.4 percent in March.', 'Inflation fell to 2.4 percent in March.'),
  c('numbers', 'The ticket cost $12.50. It was worth it.', 'The ticket cost $12.50.', 'It was worth it.'),
  c('numbers', 'We sold 1,200. Next year we hope for more.', 'We sold 1,200.', 'Next year we hope for more.'),
  c('numbers', 'The team scored 3. 2 of the goals were penalties.', 'The team scored 3.', '2 of the goals were penalties.'),
  c('numbers', 'Version 2.10.3 fixes the bug.', 'Version 2.10.3 fixes the bug.'),
  c('numbers', 'The server is at 192.168.10.4 on the local network.', 'The server is at 192.168.10.4 on the local network.'),
  c('numbers', 'The deadline was 03.15.2024. Nobody met it.', 'The deadline was 03.15.2024.', 'Nobody met it.'),
  c('numbers', 'Add .5 ml of water. Stir well.', 'Add .5 ml of water.', 'Stir well.'),
  c('numbers', 'It grew by 0.7%. Analysts expected more.', 'It grew by 0.7%.', 'Analysts expected more.'),
  c('numbers', 'The code ended in X12. Then the line went dead.', 'The code ended in X12.', 'Then the line went dead.'),
  c('numbers', 'Refer to items 1. and 3. above for the terms.', 'Refer to items 1. and 3. above for the terms.'),
  c('numbers', 'He was born in 1984. In 2002 he moved to Leeds.', 'He was born in 1984.', 'In 2002 he moved to Leeds.'),

  // Web addresses, e-mail and file names.
  c(
    'addresses',
    'Visit https://shop.example.org/items/list.php?id=4. Prices vary.',
    'Visit https://shop.example.org/items/list.php?id=4.',
    'Prices vary.',
  ),
  c(
    'addresses',
    'Write to press.office@example.co.uk. We reply within a day.',
    'Write to press.office@example.co.uk.',
    'We reply within a day.',
  ),
  c('addresses', 'The page www.example.net has moved.', 'The page www.example.net has moved.'),
  c('addresses', 'Open the file report.final.docx and print it.', 'Open the file report.final.docx and print it.'),
  c('addresses', 'Photos are available as .png files. Videos are not.', 'Photos are available as .png files.', 'Videos are not.'),
  c('addresses', 'Run setup.exe first. Then restart.', 'Run setup.exe first.', 'Then restart.'),

  // Quotations.
  c('quotes', '“We are ready,” the minister said. Nobody believed her.', '“We are ready,” the minister said.', 'Nobody believed her.'),
  c('quotes', 'He shouted, “Get out!” and slammed the door.', 'He shouted, “Get out!” and slammed the door.'),
  c('quotes', '“Is it over?” she asked.', '“Is it over?” she asked.'),
  c('quotes', 'She read the sign: “Closed.” Then she went home.', 'She read the sign: “Closed.”', 'Then she went home.'),
  c('quotes', "He wrote 'Back soon.' on the door.", "He wrote 'Back soon.' on the door."),
  c('quotes', 'The note said "Wait here." We waited.', 'The note said "Wait here."', 'We waited.'),
  c('quotes', 'It was a so-called "bargain." The price doubled.', 'It was a so-called "bargain."', 'The price doubled.'),
  c('quotes', "I grew up in the '80s. Life was simple.", "I grew up in the '80s.", 'Life was simple.'),
  c('quotes', '“Why?” “Because I said so.”', '“Why?”', '“Because I said so.”'),

  // Brackets.
  c('brackets', 'The mayor (She took office in May.) opened the fair.', 'The mayor (She took office in May.) opened the fair.'),
  c('brackets', 'He paid the fine. (Nobody knows why.) Then he left.', 'He paid the fine.', '(Nobody knows why.)', 'Then he left.'),
  c('brackets', 'The river (approx. 40 km long) floods often.', 'The river (approx. 40 km long) floods often.'),
  c('brackets', 'The trial (Smith v. Jones) lasted a year.', 'The trial (Smith v. Jones) lasted a year.'),
  c('brackets', 'It was found in Calif. (Orange Co.) last year.', 'It was found in Calif. (Orange Co.) last year.'),
  c('brackets', 'The team [led by Dr. Ng] won the award.', 'The team [led by Dr. Ng] won the award.'),
  c('brackets', 'Prices rose [see Tab. 4]. Wages did not.', 'Prices rose [see Tab. 4].', 'Wages did not.'),
  c('brackets', '[This paragraph was added later.] The rest is original.', '[This paragraph was added later.]', 'The rest is original.'),

  // Footnote and citation markers.
  c('citation markers', 'The fort fell in 1453.[2] The city was renamed.', 'The fort fell in 1453.[2]', 'The city was renamed.'),
  c(
    'citation markers',
    'It is the tallest tower in Asia.[3][4] It opened in 2010.',
    'It is the tallest tower in Asia.[3][4]',
    'It opened in 2010.',
  ),
  c('citation markers', 'Such cases are rare.[12–15] Most patients recover.', 'Such cases are rare.[12–15]', 'Most patients recover.'),
  c(
    'citation markers',
    'The theory was soon abandoned (Hale, 1979).4 Later work revived it.',
    'The theory was soon abandoned (Hale, 1979).4',
    'Later work revived it.',
  ),
  c('citation markers', 'Its use[5] is widely reported. Doses vary.', 'Its use[5] is widely reported.', 'Doses vary.'),
  c('citation markers', 'The vote was close.¹ The result stood.', 'The vote was close.¹', 'The result stood.'),
  c('citation markers', 'Growth slowed in Europe [7]. Asia kept growing.', 'Growth slowed in Europe [7].', 'Asia kept growing.'),
  c(
    'citation markers',
    'This was first observed in mice.23 Human trials followed.',
    'This was first observed in mice.23',
    'Human trials followed.',
  ),

  // Ellipses.
  c('ellipsis', 'I thought about it... Then I said yes.', 'I thought about it...', 'Then I said yes.'),
  c('ellipsis', 'Well … maybe we should wait.', 'Well … maybe we should wait.'),
  c('ellipsis', 'The text reads “the law [...] applies to all” in full.', 'The text reads “the law [...] applies to all” in full.'),
  c('ellipsis', 'He hesitated… and then he jumped.', 'He hesitated… and then he jumped.'),
  c('ellipsis', 'We waited and waited… Nothing happened.', 'We waited and waited…', 'Nothing happened.'),

  // Exclamation and question marks inside a sentence.
  c('marks inside a sentence', 'She worked at Yahoo! Finance for a year.', 'She worked at Yahoo! Finance for a year.'),
  c('marks inside a sentence', 'We watched Jeopardy! and ate dinner.', 'We watched Jeopardy! and ate dinner.'),
  c(
    'marks inside a sentence',
    'Mix the dough, bake it and -- presto! -- you have bread.',
    'Mix the dough, bake it and -- presto! -- you have bread.',
  ),
  c('marks inside a sentence', 'Some plans are -- dare I say it? -- too bold.', 'Some plans are -- dare I say it? -- too bold.'),
  c('marks inside a sentence', 'Who cares? - Nobody in this town.', 'Who cares?', '- Nobody in this town.'),
  c('marks inside a sentence', '“Help!”, she cried.', '“Help!”, she cried.'),
  c('marks inside a sentence', 'What a goal! he shouted.', 'What a goal! he shouted.'),
  c('marks inside a sentence', 'He speaks ǃKung and other languages.', 'He speaks ǃKung and other languages.'),

  // Inline lists.
  c(
    'inline lists',
    '1. Preheat the oven 2. Grease the tin 3. Pour the batter',
    '1. Preheat the oven',
    '2. Grease the tin',
    '3. Pour the batter',
  ),
  c('inline lists', '1) Read the brief. 2) Write the draft. 3) Send it.', '1) Read the brief.', '2) Write the draft.', '3) Send it.'),
  c('inline lists', 'a. red b. green c. blue', 'a. red', 'b. green', 'c. blue'),
  c('inline lists', 'a) the budget b) the staff c) the timetable', 'a) the budget', 'b) the staff', 'c) the timetable'),
  c('inline lists', '(a) Check the door. (b) Lock the gate. (c) Leave.', '(a) Check the door.', '(b) Lock the gate.', '(c) Leave.'),
  c('inline lists', '(i) Sign the form. (ii) Date it. (iii) Return it.', '(i) Sign the form.', '(ii) Date it.', '(iii) Return it.'),
  c('inline lists', 'The rules are simple. a. be on time b. be polite', 'The rules are simple.', 'a. be on time', 'b. be polite'),
  c('inline lists', 'We need two things: 1) money and 2) time.', 'We need two things: 1) money and 2) time.'),
  c('inline lists', '• Wash the rice • Soak it • Cook it', '• Wash the rice', '• Soak it', '• Cook it'),
  c('inline lists', 'A) Yes B) No C) Maybe', 'A) Yes', 'B) No', 'C) Maybe'),
  c('inline lists', '1.) Open the valve 2.) Wait ten minutes', '1.) Open the valve', '2.) Wait ten minutes'),

  // Lines.
  c(
    'lines',
    '(a) Open the box.\n(b) Remove the tray.\n(c) Keep the receipt.',
    '(a) Open the box.',
    '(b) Remove the tray.',
    '(c) Keep the receipt.',
  ),
  c('lines', 'i) Fill in the form.\nii) Sign it.\niii) Post it.', 'i) Fill in the form.', 'ii) Sign it.', 'iii) Post it.'),
  c('lines', 'A) The first option.\nB) The second option.', 'A) The first option.', 'B) The second option.'),
  c(
    'lines',
    'Summer Reading List\nThe library has chosen ten books this year.',
    'Summer Reading List',
    'The library has chosen ten books this year.',
  ),
  c(
    'lines',
    'Annual Report 2023\n(Draft for the board)\nThe year began with a loss. It ended with a profit.',
    'Annual Report 2023',
    '(Draft for the board)',
    'The year began with a loss.',
    'It ended with a profit.',
  ),
  c('lines', 'The council met on Tuesday and\nvoted to close the pool.', 'The council met on Tuesday and voted to close the pool.'),
  c('lines', 'The minister said that the\nGovernment would act soon.', 'The minister said that the Government would act soon.'),
  c('lines', 'apples\nfresh pears\nplums, cherries\n', 'apples', 'fresh pears', 'plums, cherries'),
  c('lines', 'Closing Date\nApplications must arrive by Friday.', 'Closing Date', 'Applications must arrive by Friday.'),
  c('lines', 'He signed the letter. \nShe posted it.', 'He signed the letter.', 'She posted it.'),
  c('lines', 'It was a long \nday at the office.', 'It was a long day at the office.'),
  c('lines', 'Ingredients:\n2 eggs\n100 g flour\na pinch of salt', 'Ingredients:', '2 eggs', '100 g flour', 'a pinch of salt'),
  c('lines', 'g. Travel costs\nReceipts are required for every claim.', 'g. Travel costs', 'Receipts are required for every claim.'),
  c('lines', 'a. one more thing b. another thing\n They left early.', 'a. one more thing', 'b. another thing', 'They left early.'),
  c(
    'lines',
    'Our thanks go to the staff of the museum, to the volunteers who gave their time and to\nPeter, who drove the van.',
    'Our thanks go to the staff of the museum, to the volunteers who gave their time and to Peter, who drove the van.',
  ),

  // Lowercase after a terminator.
  c('lowercase after terminator', 'The sign said "Stop." but we drove on.', 'The sign said "Stop." but we drove on.'),
  c('lowercase after terminator', 'Was it worth it? maybe not.', 'Was it worth it? maybe not.'),
  c('lowercase after terminator', 'See the appendix, esp. the last table.', 'See the appendix, esp. the last table.'),
  c('lowercase after terminator', 'The gov. office is shut.', 'The gov. office is shut.'),

  // Missing spaces.
  c('joined sentences', 'The bus was late.We walked.', 'The bus was late.', 'We walked.'),
  c('joined sentences', 'It cost 300.That was too much.', 'It cost 300.', 'That was too much.'),

  // Other scripts and marks.
  c('other marks', 'It is finished．Let us go．', 'It is finished．', 'Let us go．'),
  c('other marks', 'The storm passed‼ Everyone cheered.', 'The storm passed‼', 'Everyone cheered.'),
];
