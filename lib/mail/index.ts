import "server-only";
import nodemailer from "nodemailer";

export type Mail = { to: string; subject: string; text: string };

/**
 * Sends through SMTP_URL (e.g. smtps://user:pass@smtp.example.com) when it is set;
 * otherwise writes the message to the server log, so invite and reset links still
 * reach an operator on a machine without mail. Never throws: a failed delivery is
 * logged and reported as not delivered (the admin has the link on screen anyway).
 */
export async function sendMail(mail: Mail): Promise<{ delivered: boolean }> {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (!smtpUrl) {
    console.info(`[mail] SMTP_URL is not set; not sending. To: ${mail.to} · Subject: ${mail.subject}\n${mail.text}`);
    return { delivered: false };
  }
  try {
    const transport = nodemailer.createTransport(smtpUrl);
    await transport.sendMail({ from: process.env.MAIL_FROM ?? "Lede <no-reply@localhost>", ...mail });
    return { delivered: true };
  } catch (error) {
    console.error(`[mail] Could not send "${mail.subject}" to ${mail.to}:`, error instanceof Error ? error.message : error);
    return { delivered: false };
  }
}
