/**
 * A Gmail-sized page for the extraction benchmark, shaped like a real Gmail tab: most of its weight is the app's
 * own markup (an inbox list of 1,800 rows, each a dozen attribute-heavy elements, plus a label sidebar), and an
 * open thread of 12 messages with signatures and quoted history. About 5 MB of HTML and 50,000 elements.
 * Deterministic.
 */
export function gmailSizedPage(): string {
  const jslog = (i: number) =>
    `jslog="20686; u014N:xr6bB,SYhH9d;${'x'.repeat(520)}${i}" data-legacy-last-message-id="18d8a7e3f0c2b${i}"`;
  const rows: string[] = [];
  for (let i = 0; i < 1800; i++) {
    rows.push(
      `<tr class="zA yO x7" role="row" tabindex="-1" draggable="true" ${jslog(i)}><td class="PF xY PE"></td><td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1" ${jslog(i)}><div class="T-Jo-auh"></div></div></td><td class="apU xY" role="gridcell"><span class="aXw T-KT" title="Not starred" aria-label="Not starred" role="button"></span></td><td class="WA xY" role="gridcell"><div class="pG" data-tooltip="Important because of the people in the conversation"><div class="T-ays-a45"><span class="aol">Important</span></div></div></td><td class="yX xY" role="gridcell"><div class="afn"><span class="bA4"><span email="sender${i}@vendor${i % 97}.example" name="Sender ${i}" data-hovercard-id="sender${i}@vendor${i % 97}.example" class="zF">Sender ${i}</span></span></div></td><td class="xY a4W" role="gridcell"><div class="xS" role="link"><div class="xT"><div class="y6"><span class="bog"><span class="bqe">Quarterly review ${i}</span></span></div><span class="y2"> - Following up on the numbers we discussed last week, attached are the revised figures for region ${i % 40}…</span></div></div></td><td class="yf xY"><img class="yE" src="images/cleardot.gif" alt="Attachment"></td><td class="xW xY" role="gridcell"><span title="Jan ${(i % 28) + 1}, 2025, 10:${String(i % 60).padStart(2, '0')} AM" aria-label="Jan ${(i % 28) + 1}"><span>Jan ${(i % 28) + 1}</span></span></td></tr>`,
    );
  }
  const labels: string[] = [];
  for (let i = 0; i < 300; i++)
    labels.push(
      `<div class="aim" ${jslog(i)}><div class="TO" data-tooltip="Label ${i}"><div class="TN bzz"><div class="qj"></div><div class="aio UKr6le"><span class="nU"><a href="#label/Label+${i}" class="J-Ke n0" title="Label ${i}">Label ${i}</a></span></div><div class="bsU">${i}</div></div></div></div>`,
    );
  const para = (n: number) =>
    `<div>We reviewed the delivery schedule across the Singapore, Johor and Jakarta hubs (batch ${n}) and agreed to move the weekly sync to Thursdays. The updated volumes are in the attached sheet.</div>`;
  const messages: string[] = [];
  for (let m = 0; m < 12; m++) {
    const own = Array.from({ length: 12 }, (_, p) => para(m * 100 + p)).join('');
    const quoted = Array.from({ length: 30 }, (_, q) => para(q)).join('');
    messages.push(
      `<div role="listitem" class="h7 bg ie nH oy8Mbf"><div class="Bk"><div class="G3 G2"><div class="adn ads" data-message-id="#msg-f:${m}"><div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK"><h3 class="iw gFxsud"><span class="qu"><span email="person${m}@orbital-freight.example" name="Person ${String.fromCharCode(65 + m)}lpha" class="gD"><span>Person ${m}</span></span></span></h3></td></tr><tr class="acZ xD"><td><span class="hb">to <span email="rizal@brightline-sales.example" name="Rizal Hakim" class="g2">me</span>, <span email="cc${m}@orbital-freight.example" name="Copied Colleague" class="g2">Copied</span></span></td></tr></tbody></table><div class="ii gt"><div class="a3s aiL"><div dir="ltr">${own}<div>Best regards,</div><div class="gmail_signature">Person ${m}<br>Director of Operations | Orbital Freight Pte. Ltd.<br>M: +65 9123 45${String(m).padStart(2, '0')}</div></div><div class="gmail_quote"><div class="gmail_attr">On Mon, Jan 6, 2025 at 10:02 AM Earlier Sender &lt;earlier${m}@orbital-freight.example&gt; wrote:</div><blockquote class="gmail_quote">${quoted}</blockquote></div></div></div></div></div></div></div></div></div>`,
    );
  }
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Inbox - rizal@brightline-sales.example</title></head><body><div class="nH"><header id="gb"><a aria-label="Google Account: Rizal Hakim (rizal@brightline-sales.example)" href="https://accounts.google.com/SignOutOptions"></a></header><div class="aeN WR" role="navigation">${labels.join('')}</div><div class="nH bkK"><div class="nH" role="main"><div class="ae4 aDM nH"><table class="F cf zt"><tbody>${rows.join('')}</tbody></table></div><div class="nH if"><div class="ha"><h2 class="hP">Weekly volumes</h2></div><div role="list">${messages.join('')}</div></div></div></div></div></body></html>`;
}
